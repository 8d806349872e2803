import CFuzzer
import Glibc
import ReconFuzzing

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzTarget.mt940.fuzz(UnsafeRawBufferPointer(start: data, count: size))
    return 0
})
