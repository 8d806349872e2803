// Generated from templates/banks/*.toml by BuiltInProfilesTests; RECON_RECORD=1 rewrites it. Do not edit.

/// The built-in bank profiles, compiled in so that an installed `recon` needs no files beside it.
enum BuiltInProfiles {
    static let sources: [(name: String, toml: String)] = [
        ("airbank", #"""
# Air Bank (Czech Republic): Windows-1250, ";", dd.mm.yyyy, signed decimal comma; the variable
# symbol (VS) is the payment reference; the header's last name ends in a stray ",".
name = "airbank"
description = "Air Bank (Datum provedení;Datum zaúčtování;Číslo účtu;Název účtu;…;VS;KS;SS;Zaúčtovaná částka;Měna účtu;…)"
encoding = "windows-1250"
delimiter = ";"
date_formats = ["dd.mm.yyyy"]

[columns]
booking_date = "Datum zaúčtování"
value_date = "Datum provedení"
account = "Číslo účtu"
payer_iban = "Číslo protiúčtu"
payer_name = "Název protiúčtu"
text = ["Zpráva"]
structured_ref = "VS"
amount = "Zaúčtovaná částka"
currency = "Měna účtu"
bank_ref = "Id transakce,"

[amounts]
decimal = ","
thousands = [" ", "\u00a0"]
sign = "signed"
"""#),
        ("asn", #"""
# ASN Bank transaction history: no header; dd-mm-yyyy; point decimal; the balance before the
# transaction in column 9, the signed amount in column 11; remittance text in single quotes.
name = "asn"
description = "ASN Bank transactie-historie (no header row)"
encoding = "windows-1252"
delimiter = ","
header = false
date_formats = ["dd-mm-yyyy"]
detect = "^\\d{2}-\\d{2}-\\d{4},NL\\d{2}ASNB\\d{10},"

[columns]
booking_date = 1
account = 2
payer_iban = 3
payer_name = 4
currency = 10
amount = 11
value_date = 13
bank_ref = 16
text = [18]

[amounts]
decimal = "."
sign = "signed"

[extract]
text = { column = 18, pattern = "^'?(.*?)'?$" }
"""#),
        ("bunq", #"""
# bunq: "," delimiter but a decimal comma inside quotes ("-2,56").
name = "bunq"
description = "bunq (Datum,Bedrag,Rekening,Tegenrekening,Naam,Omschrijving)"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["yyyy-mm-dd"]

[columns]
booking_date = "Datum"
amount = "Bedrag"
account = "Rekening"
payer_iban = "Tegenrekening"
payer_name = "Naam"
text = ["Omschrijving"]

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("commerzbank", #"""
# Commerzbank: ";", dd.mm.yyyy, signed decimal comma; card details inside Buchungstext.
name = "commerzbank"
description = "Commerzbank (Buchungstag;Wertstellung;Umsatzart;Buchungstext;Betrag;Währung;Auftraggeberkonto;…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd.mm.yyyy"]

[columns]
booking_date = "Buchungstag"
value_date = "Wertstellung"
text = ["Buchungstext"]
amount = "Betrag"
currency = "Währung"
payer_iban = "IBAN Auftraggeberkonto"

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("erste-hu", #"""
# Erste Bank Hungary: "," delimiter, dates "2019.04.19." with a trailing dot, signed whole-forint
# amounts (the Bevétel/Kiadás column repeats the direction).
name = "erste-hu"
description = "Erste Hungary (Tranzakció dátuma,Partner neve,Partner számlaszáma,…,Tranzakció összege,Tranzakció devizaneme,…)"
encoding = "utf-8"
delimiter = ","
date_formats = ["yyyy.mm.dd.", "yyyy.mm.dd"]

[columns]
booking_date = "Tranzakció dátuma"
value_date = "Értéknap"
payer_name = "Partner neve"
payer_iban = "Partner számlaszáma"
account = "Számlaszám"
amount = "Tranzakció összege"
currency = "Tranzakció devizaneme"
text = ["Közlemény"]
bank_ref = "Megbízás azonosító"

[amounts]
decimal = ","
thousands = [" ", "\u00a0", "."]
sign = "signed"
"""#),
        ("generic", #"""
# recon's own bank CSV layout (docs/inputs.md): a header row, columns in any order and any case,
# "," or ";" as delimiter, a signed amount with a point decimal (money in positive).
name = "generic"
description = "recon's own layout: booking_date,value_date,amount,currency,payer_name,payer_iban,reference,text,bank_ref[,account]"
encoding = "utf-8"
delimiter = "auto"
strict = true
date_formats = ["yyyy-mm-dd"]

[columns]
booking_date = "booking_date"
value_date = { name = "value_date", optional = true }
amount = "amount"
currency = "currency"
payer_name = { name = "payer_name", optional = true }
payer_iban = { name = "payer_iban", optional = true }
structured_ref = { name = "reference", optional = true }
text = [{ name = "text", optional = true }]
bank_ref = { name = "bank_ref", optional = true }
account = { name = "account", optional = true }

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("ing-diba", #"""
# ING-DiBa (Germany): ISO-8859-1, a metadata preamble of varying length before the header, and the
# column name "Währung" twice (balance currency, then amount currency): the last one is the amount's.
name = "ing-diba"
description = "ING-DiBa Germany (Buchung;Wertstellungsdatum;Auftraggeber/Empfänger;Buchungstext;Verwendungszweck;[Saldo;Währung;]Betrag;Währung)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd.mm.yyyy"]

[columns]
booking_date = "Buchung"
value_date = "Wertstellungsdatum"
payer_name = "Auftraggeber/Empfänger"
text = ["Verwendungszweck"]
amount = "Betrag"
currency = { name = "Währung", occurrence = -1 }

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("ing-nl", #"""
# ING Netherlands: "," and quoted, or ";" unquoted with an extra column; yyyymmdd; the amount is
# unsigned and "Af Bij" says which way it went (Af = money out).
name = "ing-nl"
description = "ING Netherlands (Datum,Naam / Omschrijving,Rekening,Tegenrekening,Code,Af Bij,Bedrag (EUR),MutatieSoort,Mededelingen)"
encoding = "windows-1252"
delimiter = "auto"
currency = "EUR"
date_formats = ["yyyymmdd"]

[columns]
booking_date = "Datum"
account = "Rekening"
payer_iban = "Tegenrekening"
payer_name = "Naam / Omschrijving"
text = ["Mededelingen"]
amount = "Bedrag (EUR)"
indicator = "Af Bij"

[amounts]
decimal = ","
thousands = ["."]
sign = "indicator"
credit_values = ["Bij"]
debit_values = ["Af"]
"""#),
        ("johnlewis-card", #"""
# John Lewis Partnership card (UK): UTF-8 with BOM; "Pending" rows have no date and are skipped;
# spending is unsigned ("£67.40"), a payment to the card is "+ £1,100.00" with "CR" in the unnamed
# fourth column — the card holder's view: CR is money in, everything else money out.
name = "johnlewis-card"
description = "John Lewis Partnership card (Date Processed,Description,Amount,)"
encoding = "utf-8-bom"
delimiter = ","
currency = "GBP"
date_formats = ["dd-mon-yyyy"]

[columns]
booking_date = "Date Processed"
text = ["Description"]
amount = "Amount"
indicator = 4

[amounts]
decimal = "."
thousands = [","]
strip = ["£"]
sign = "indicator"
credit_values = ["CR"]
debit_values = [""]

[rows]
skip = [{ column = "Date Processed", pattern = "^Pending$" }]
"""#),
        ("kbc-creditcard", #"""
# KBC credit card: the signed "bedrag" is the movement (credit/debet repeat it); settlement date
# "Datum verrekening" is the booking date, "datum verrichting" the transaction date.
name = "kbc-creditcard"
description = "KBC credit card (kredietkaart;kaarthouder;uitgavenstaat;datum verrichting;Datum verrekening;bedrag;…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd/mm/yyyy"]

[columns]
booking_date = "Datum verrekening"
value_date = "datum verrichting"
amount = "bedrag"
currency = "munt"
text = ["Handelaar", "locatie", "toelichting"]

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("kbc", #"""
# KBC (Belgium) current account: ";", dd/mm/yyyy, signed decimal comma; fields padded with spaces;
# the Belgian structured communication (+++123/4567/89012+++) has its own column.
name = "kbc"
description = "KBC Belgium (Rekeningnummer;Rubrieknaam;Naam;Munt;Afschriftnummer;Datum;Omschrijving;Valuta;Bedrag;…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd/mm/yyyy"]

[columns]
account = "Rekeningnummer"
currency = "Munt"
booking_date = "Datum"
value_date = "Valuta"
amount = "Bedrag"
payer_iban = "rekeningnummer tegenpartij"
payer_name = "Naam tegenpartij"
structured_ref = "gestructureerde mededeling"
text = ["Omschrijving", "Vrije mededeling"]

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("knab", #"""
# Knab: a "KNAB EXPORT" title line above the header; CreditDebet (C/D) with unsigned amounts.
name = "knab"
description = "Knab (Rekeningnummer;Transactiedatum;Valutacode;CreditDebet;Bedrag;Tegenrekeningnummer;…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd-mm-yyyy"]

[columns]
account = "Rekeningnummer"
booking_date = "Transactiedatum"
currency = "Valutacode"
indicator = "CreditDebet"
amount = "Bedrag"
payer_iban = "Tegenrekeningnummer"
payer_name = "Tegenrekeninghouder"
value_date = "Valutadatum"
text = ["Omschrijving"]
bank_ref = "Referentie"

[amounts]
decimal = ","
thousands = ["."]
sign = "indicator"
credit_values = ["C"]
debit_values = ["D"]
"""#),
        ("monzo", #"""
# Monzo: a timestamp with offset as date (the calendar date written is taken), whole-unit amounts.
name = "monzo"
description = "Monzo (id,created,amount,currency,local_amount,local_currency,category,emoji,description,…)"
encoding = "utf-8"
delimiter = ","
date_formats = ["yyyy-mm-dd*"]

[columns]
bank_ref = "id"
booking_date = "created"
amount = "amount"
currency = "currency"
text = ["description", "notes"]

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("mt940-cp852", #"""
# MT940/MT942 in DOS code page 852 (Hungarian Raiffeisen CMI exports: "Csoportos átutalás").
name = "mt940-cp852"
description = "MT940/MT942 in CP852 (Central European DOS)"
format = "mt940"
encoding = "cp852"
"""#),
        ("mt940-latin1", #"""
# MT940/MT942 in ISO-8859-1 (German FinTS/HBCI exports).
name = "mt940-latin1"
description = "MT940/MT942 in ISO-8859-1"
format = "mt940"
encoding = "iso-8859-1"
"""#),
        ("mt940-windows-1250", #"""
# MT940/MT942 in Windows-1250 (Czech, Polish and Hungarian banks' Windows exports).
name = "mt940-windows-1250"
description = "MT940/MT942 in Windows-1250"
format = "mt940"
encoding = "windows-1250"
"""#),
        ("mt940", #"""
# MT940/MT942 in UTF-8, strictly: a line that is not UTF-8 is an error (without a profile, such a
# line is read as ISO-8859-1 with a warning).
name = "mt940"
description = "MT940/MT942 in UTF-8"
format = "mt940"
encoding = "utf-8"
"""#),
        ("n26-de", #"""
# N26, older German-language export: "," delimiter, ISO dates, point decimal, EUR account.
name = "n26-de"
description = "N26 (German headers: Datum,Empfänger,Kontonummer,Transaktionstyp,Verwendungszweck,…,Betrag (EUR),…)"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["yyyy-mm-dd"]

[columns]
booking_date = "Datum"
payer_name = "Empfänger"
payer_iban = "Kontonummer"
text = ["Verwendungszweck"]
amount = "Betrag (EUR)"

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("n26", #"""
# N26 (English headers): mixed quoting, quotes inside quoted fields escaped with a backslash;
# Amount (EUR) is the booked amount, Original Amount unsigned.
name = "n26"
description = "N26 (Booking Date,Value Date,Partner Name,Partner Iban,Type,Payment Reference,Account Name,Amount (EUR),…)"
encoding = "utf-8"
delimiter = ","
escape = "\\"
currency = "EUR"
date_formats = ["yyyy-mm-dd"]

[columns]
booking_date = "Booking Date"
value_date = "Value Date"
payer_name = "Partner Name"
payer_iban = "Partner Iban"
text = ["Payment Reference"]
amount = "Amount (EUR)"

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("neon", #"""
# Neon (Switzerland): ";", quoted, ISO dates, newest first; amounts in CHF (the original amount
# and currency of card payments abroad are informational).
name = "neon"
description = "Neon (Date;Amount;Original amount;Original currency;Exchange rate;Description;Subject;Category;…)"
encoding = "utf-8"
delimiter = ";"
currency = "CHF"
date_formats = ["yyyy-mm-dd"]

[columns]
booking_date = "Date"
amount = "Amount"
payer_name = "Description"
text = ["Subject"]

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("no-bank-kid", #"""
# Norwegian bank export with payer, KID and references (the layout of /work/shared/bench/gen.py):
# "Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;Ut fra konto;
# Inn på konto;Arkivreferanse;Ende-til-ende-ID". KID is the structured reference, Arkivreferanse the
# bank's reference; account numbers (1503.61.23450) become IBANs, as in the bank's camt.053.
name = "no-bank-kid"
description = "Norwegian bank export with KID: Bokført dato;Rentedato;Kontonummer;Valuta;Forklaring;Betaler;Fra konto;KID;Melding;…"
encoding = "utf-8"
delimiter = ";"
iban_country = "NO"
date_formats = ["dd.mm.yyyy"]

[columns]
booking_date = "Bokført dato"
value_date = "Rentedato"
account = "Kontonummer"
currency = "Valuta"
payer_name = "Betaler"
payer_iban = "Fra konto"
structured_ref = "KID"
text = ["Melding"]
debit = "Ut fra konto"
credit = "Inn på konto"
bank_ref = "Arkivreferanse"
end_to_end_id = "Ende-til-ende-ID"

[amounts]
decimal = ","
thousands = [" ", "\u00a0", "\u202f", "."]
sign = "debit_credit"
"""#),
        ("no-bank", #"""
# Norwegian bank export (DNB, Sbanken and others): "Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto",
# decimal comma, dd.mm.yyyy, thousands grouped with a space or a no-break space ("1 234,56").
# Money out and money in are separate columns, both unsigned.
name = "no-bank"
description = "Norwegian bank export: Dato;Forklaring;Rentedato;Ut fra konto;Inn på konto"
encoding = "utf-8"
delimiter = ";"
currency = "NOK"
date_formats = ["dd.mm.yyyy", "dd.mm.yy"]

[columns]
booking_date = "Dato"
value_date = "Rentedato"
text = ["Forklaring"]
debit = "Ut fra konto"
credit = "Inn på konto"

[amounts]
decimal = ","
thousands = [" ", "\u00a0", "\u202f", "."]
sign = "debit_credit"
"""#),
        ("oca-sheet-dc", #"""
# OCA sheet layout with a D/C column: the amount's written sign is ignored, D/C decides (as OCA does).
name = "oca-sheet-dc"
description = "OCA sheet import test layout with D/C (Date,Label,Amount,D/C,…)"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["mm/dd/yyyy"]

[columns]
booking_date = "Date"
text = ["Label"]
amount = "Amount"
indicator = "D/C"
payer_name = "Partner Name"
payer_iban = "Bank Account"

[amounts]
decimal = "."
thousands = [","]
sign = "indicator"
credit_values = ["C"]
debit_values = ["D"]
"""#),
        ("oca-sheet-debit-credit", #"""
# OCA sheet layout with Debit and Credit columns in the book-keeping view: "Debit" is money IN.
# The file's running Balance proves it (−10.00, −23.50, 10.00, 1510.00 from 10.00), so the columns
# are mapped crosswise here; never infer this from the header word alone.
name = "oca-sheet-debit-credit"
description = "OCA sheet import test layout with Debit (money in) and Credit (money out) columns"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["mm/dd/yyyy"]

[columns]
booking_date = "Date"
text = ["Label"]
credit = "Debit"
debit = "Credit"
payer_name = "Partner Name"
payer_iban = "Bank Account"

[amounts]
decimal = "."
thousands = [","]
sign = "debit_credit"
"""#),
        ("oca-sheet-statement", #"""
# OCA sheet layout of a bank download: metadata and a balance row above the header, a balance row
# as footer, dd/mm/yy dates (the preamble's "Download start date : 01/04/2020" fixes the order),
# decimal comma, Debit = money out (the file's own start and end balances agree, to 0.02).
name = "oca-sheet-statement"
description = "OCA sheet import test layout with metadata (Date,Operation Number,Label,Debit,Credit,Detail)"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["dd/mm/yy"]

[columns]
booking_date = "Date"
bank_ref = "Operation Number"
text = ["Label", "Detail"]
debit = "Debit"
credit = "Credit"

[amounts]
decimal = ","
thousands = ["."]
sign = "debit_credit"

[rows]
skip = [{ column = "Date", pattern = "^Balance" }]
"""#),
        ("oca-sheet", #"""
# The sheet layout of OCA's account_statement_import_sheet_file tests (Odoo): mm/dd/yyyy, a signed
# amount with "," thousands; an optional Currency column, else EUR.
name = "oca-sheet"
description = "OCA sheet import test layout (Date,Label,Amount,…,Partner Name,Bank Account)"
encoding = "utf-8"
delimiter = ","
currency = "EUR"
date_formats = ["mm/dd/yyyy"]

[columns]
booking_date = "Date"
text = ["Label"]
amount = "Amount"
currency = { name = "Currency", optional = true }
payer_name = "Partner Name"
payer_iban = "Bank Account"

[amounts]
decimal = "."
thousands = [","]
sign = "signed"
"""#),
        ("ocbc", #"""
# OCBC Singapore: account and balance lines above the header; Withdrawals/Deposits columns; each
# transaction takes two rows, the second (without date) continuing the description.
name = "ocbc"
description = "OCBC Singapore (Transaction date,Value date,Description,Withdrawals (SGD),Deposits (SGD))"
encoding = "utf-8"
delimiter = ","
currency = "SGD"
date_formats = ["dd/mm/yyyy"]

[columns]
booking_date = "Transaction date"
value_date = "Value date"
text = ["Description"]
debit = "Withdrawals (SGD)"
credit = "Deposits (SGD)"

[amounts]
decimal = "."
thousands = [","]
sign = "debit_credit"

[rows]
continuation = true
"""#),
        ("posb", #"""
# POSB (DBS) Singapore: no header; "27 Feb 2018"; withdrawal and deposit columns with leading spaces.
name = "posb"
description = "POSB Singapore (no header row: date, code, withdrawal, deposit, description …)"
encoding = "utf-8"
delimiter = ","
header = false
currency = "SGD"
date_formats = ["dd mon yyyy"]
detect = "^\\d{2} [A-Z][a-z]{2} \\d{4},"

[columns]
booking_date = 1
debit = 3
credit = 4
text = [5, 6, 7]

[amounts]
decimal = "."
thousands = [","]
sign = "debit_credit"
"""#),
        ("rabobank", #"""
# Rabobank (2018 layout, 26 columns): explicit +/- and decimal comma; lines end in CR CR LF (the
# blank line in between is skipped) and a row may lack its opening quote (read leniently).
name = "rabobank"
description = "Rabobank (IBAN/BBAN,Munt,BIC,Volgnr,Datum,Rentedatum,Bedrag,Saldo na trn,Tegenrekening IBAN/BBAN,…)"
encoding = "windows-1252"
delimiter = ","
lenient_quotes = true
date_formats = ["yyyy-mm-dd"]

[columns]
account = "IBAN/BBAN"
currency = "Munt"
bank_ref = "Volgnr"
booking_date = "Datum"
value_date = "Rentedatum"
amount = "Bedrag"
payer_iban = "Tegenrekening IBAN/BBAN"
payer_name = "Naam tegenpartij"
end_to_end_id = "Transactiereferentie"
structured_ref = "Betalingskenmerk"
text = ["Omschrijving-1", "Omschrijving-2", "Omschrijving-3"]

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("raiffeisen-at", #"""
# Raiffeisen Austria (RCM "kta" export): "|"-delimited, no header; a first record "K|blz|account|EUR"
# describes the account; data lines start with "|": text, yyyymmdd, payee, signed point amount, details.
name = "raiffeisen-at"
description = "Raiffeisen Austria kta export (pipe-delimited, no header row)"
encoding = "utf-8"
delimiter = "|"
quote = ""
header = false
skip_lines = 1
currency = "EUR"
date_formats = ["yyyymmdd"]
detect = "^\\|[^|]*\\|\\d{8}\\|"

[columns]
text = [2, 4, 6]
booking_date = 3
amount = 5

[amounts]
decimal = "."
sign = "signed"
"""#),
        ("revolut", #"""
# Revolut: "Completed Date" is when the money moved; the fee is charged on top of the amount
# (the running balance drops by amount − fee), so the transaction is amount − fee.
name = "revolut"
description = "Revolut (Type,Product,Started Date,Completed Date,Description,Amount,Fee,Currency,State,Balance)"
encoding = "utf-8"
delimiter = ","
date_formats = ["yyyy-mm-dd*"]

[columns]
booking_date = "Completed Date"
value_date = "Started Date"
text = ["Description"]
amount = "Amount"
fee = "Fee"
currency = "Currency"

[amounts]
decimal = "."
sign = "signed"

[rows]
pending = [{ column = "State", pattern = "^PENDING$" }]
info = [{ column = "State", pattern = "^(REVERTED|DECLINED|FAILED)$" }]
"""#),
        ("sparkasse-camt", #"""
# Sparkasse "CSV-CAMT" export (17 columns): ISO-8859-1, ";", dd.mm.yy, signed decimal comma.
# "Umsatz vorgemerkt" in Info marks a pending row (kept, never settled); fields are space-padded.
name = "sparkasse-camt"
description = "Sparkasse CSV-CAMT (Auftragskonto;Buchungstag;Valutadatum;…;Kundenreferenz (End-to-End);…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd.mm.yy", "dd.mm.yyyy"]

[columns]
account = "Auftragskonto"
booking_date = "Buchungstag"
value_date = "Valutadatum"
text = ["Verwendungszweck"]
end_to_end_id = "Kundenreferenz (End-to-End)"
payer_name = "Beguenstigter/Zahlungspflichtiger"
payer_iban = "Kontonummer/IBAN"
amount = "Betrag"
currency = "Waehrung"

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"

[rows]
pending = [{ column = "Info", pattern = "(?i)vorgemerkt" }]
"""#),
        ("sparkasse-creditcard", #"""
# Sparkasse credit card export: original and booked amount/currency with the exchange rate;
# the booked amount is what moved on the account.
name = "sparkasse-creditcard"
description = "Sparkasse credit card (Umsatz getätigt von;Belegdatum;Buchungsdatum;…;Buchungsbetrag;Buchungswährung;…)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd.mm.yy", "dd.mm.yyyy"]

[columns]
booking_date = "Buchungsdatum"
value_date = "Belegdatum"
amount = "Buchungsbetrag"
currency = "Buchungswährung"
text = ["Transaktionsbeschreibung", "Transaktionsbeschreibung Zusatz"]
bank_ref = "Buchungsreferenz"

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"
"""#),
        ("sparkasse-mt940", #"""
# Sparkasse "CSV-MT940" export (11 columns): the SEPA references hide in Verwendungszweck as
# EREF+…MREF+…CRED+…SVWZ+…, run together; recon splits them (EREF → end-to-end id, SVWZ → text).
name = "sparkasse-mt940"
description = "Sparkasse CSV-MT940 (Auftragskonto;Buchungstag;Valutadatum;Buchungstext;Verwendungszweck;…;Info)"
encoding = "windows-1252"
delimiter = ";"
date_formats = ["dd.mm.yy", "dd.mm.yyyy"]

[columns]
account = "Auftragskonto"
booking_date = "Buchungstag"
value_date = "Valutadatum"
text = ["Verwendungszweck"]
payer_name = "Beguenstigter/Zahlungspflichtiger"
payer_iban = "Kontonummer"
amount = "Betrag"
currency = "Waehrung"

[amounts]
decimal = ","
thousands = ["."]
sign = "signed"

[rows]
pending = [{ column = "Info", pattern = "(?i)vorgemerkt" }]

[extract]
sepa_keywords = "Verwendungszweck"
"""#),
        ("zkb", #"""
# Zürcher Kantonalbank: UTF-8 with a byte order mark, ";", dd.mm.yyyy, separate unsigned
# "Debit CHF" / "Credit CHF" columns; "Reference number" carries the QR/ESR reference.
name = "zkb"
description = "Zürcher Kantonalbank (Date;Booking text;Curr;Amount details;ZKB reference;Reference number;Debit CHF;Credit CHF;…)"
encoding = "utf-8-bom"
delimiter = ";"
currency = "CHF"
date_formats = ["dd.mm.yyyy"]

[columns]
booking_date = "Date"
value_date = "Value date"
text = ["Booking text", "Payment purpose"]
bank_ref = "ZKB reference"
structured_ref = "Reference number"
debit = "Debit CHF"
credit = "Credit CHF"

[amounts]
decimal = "."
thousands = ["'"]
sign = "debit_credit"
"""#),
    ]
}
