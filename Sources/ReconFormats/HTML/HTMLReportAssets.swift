/// The inline style sheet and script of report.html: no network, no external files.
enum HTMLReportAssets {
    static let style = """
    body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2430;background:#fff}
    .scroll{overflow-x:auto}td.date{white-space:nowrap}td.reason{min-width:16em}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
    p.meta{color:#5b6473;margin:0 0 16px}
    table{border-collapse:collapse;width:100%;margin-bottom:8px}
    th,td{border-bottom:1px solid #e3e6eb;padding:4px 8px;text-align:left;vertical-align:top}
    th{background:#f2f4f7;position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}
    th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    .kind{display:inline-block;padding:0 6px;border-radius:8px;background:#eef1f5;font-size:12px}
    .balanced-true{color:#1a7f37;font-weight:600}.balanced-false{color:#cf222e;font-weight:600}
    .controls{margin:4px 0 8px}.controls select{font:inherit;padding:2px 4px}
    .count{color:#5b6473;margin-left:8px}
    .cands span{display:inline-block;margin-right:6px;white-space:nowrap}
    .score{color:#5b6473;font-size:12px}
    """

    static let script = """
    (function(){
      function key(cell){var v=cell.getAttribute('data-sort');if(v===null)v=cell.textContent;
        var n=Number(v);return (v!==''&&!isNaN(n))?{n:n}:{s:v.toLowerCase()};}
      function compare(a,b){if('n' in a&&'n' in b)return a.n-b.n;if('n' in a)return -1;if('n' in b)return 1;
        return a.s<b.s?-1:a.s>b.s?1:0;}
      document.querySelectorAll('table.sortable').forEach(function(table){
        var heads=table.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads,function(th,col){
          th.addEventListener('click',function(){
            var asc=th.getAttribute('aria-sort')!=='ascending';
            Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
            th.setAttribute('aria-sort',asc?'ascending':'descending');
            var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
            rows.sort(function(r1,r2){var c=compare(key(r1.cells[col]),key(r2.cells[col]));return asc?c:-c;});
            rows.forEach(function(r){body.appendChild(r);});
          });
        });
      });
      document.querySelectorAll('select[data-filter]').forEach(function(select){
        var table=document.getElementById(select.getAttribute('data-filter'));
        var count=document.getElementById(select.getAttribute('data-count'));
        function apply(){var shown=0,rows=table.tBodies[0].rows;
          for(var i=0;i<rows.length;i++){var ok=select.value===''||rows[i].getAttribute('data-kind')===select.value;
            rows[i].hidden=!ok;if(ok)shown++;}
          count.textContent=shown+' of '+rows.length+' shown';}
        select.addEventListener('change',apply);apply();
      });
      document.body.setAttribute('data-ready','true');
    })();
    """
}
