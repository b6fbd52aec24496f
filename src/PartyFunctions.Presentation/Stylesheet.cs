namespace PartyFunctions.Presentation;

/// <summary>
/// The one stylesheet of every page (the form, receipt, confirmation, acknowledge, status, reports, decisions and error
/// pages), written into each page: the pages load nothing from elsewhere and fit a 360 px phone. Wide tables scroll
/// inside their own box (<c>.scroll</c>), lists of units are cards (<c>.cards</c>), charts are SVG at 100% width.
/// </summary>
public static class Stylesheet
{
    public const string Css =
        "body{margin:0;font:16px/1.45 system-ui,Arial,sans-serif;color:#1a1a1a;background:#fff}main{max-width:40rem;margin:0 auto;padding:12px}" +
        "h1{font-size:1.3rem;color:#a40000}h2{font-size:1.1rem}fieldset{border:1px solid #ccc;margin:0 0 12px;padding:8px;min-width:0}legend{font-weight:bold}" +
        ".f{margin:0 0 10px}.f label{display:block}.f.c label{display:inline}input,select,button{font:inherit;box-sizing:border-box;max-width:100%}" +
        "input[type=text],input[type=password],input[type=number],select{width:100%;padding:6px;border:1px solid #777}" +
        ".bad input,.bad select{border:2px solid #b00020}.err{color:#b00020;margin:2px 0 0}.errors{border:2px solid #b00020;padding:4px 8px;margin:0 0 12px}" +
        ".errors a{color:#b00020}button{width:100%;padding:10px;background:#a40000;color:#fff;border:0}.max,.note{color:#555}.ok{color:#0a6b0a;font-weight:bold}" +
        "dt{font-weight:bold}dd{margin:0 0 6px}.lang{text-align:right}a{color:#0b57d0}" +
        ".counts{display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;list-style:none}svg.chart{width:100%;height:auto;max-width:28rem}" +
        ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;font-size:14px}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}" +
        "th{background:#f3f3f3}.cards{list-style:none;padding:0;margin:0}.card{border:1px solid #ccc;padding:8px;margin:0 0 8px}.card.bad{border:2px solid #b00020}" +
        ".card h2,.card h3{font-size:1rem;margin:0 0 4px}.tag{display:inline-block;padding:0 6px;border-radius:3px;background:#eee}.tag.done{background:#e3f1e3;color:#0a5a0a}" +
        "input[type=date]{width:100%;padding:6px;border:1px solid #777;font:inherit;box-sizing:border-box}" +
        ".NotReported{color:#a40000;font-weight:bold}.Late{color:#8a4500}.warn{background:#fff3e0;border-left:4px solid #ef6c00;padding:8px 12px}" +
        "button.second{background:#fff;color:#a40000;border:2px solid #a40000;margin:6px 0 0}textarea{font:inherit;width:100%;box-sizing:border-box;padding:6px;border:1px solid #777}" +
        ".bad textarea{border:2px solid #b00020}.months{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:4px}.months li{padding:2px 6px;border-radius:3px;background:#eee}" +
        ".b-Weak{background:#fde0e0!important}.b-Average{background:#fff0d9!important}.b-Fair{background:#e0ecfb!important}.b-Good{background:#e3f1e3!important}" +
        ".evidence{list-style:none;padding:0}.evidence li{margin:0 0 6px;overflow-wrap:anywhere}.evidence img{vertical-align:middle;object-fit:cover;border:1px solid #ccc}" +
        ".b-Missing{background:#fff!important;border:1px solid #a40000}.months li.late{outline:2px dashed #8a4500;outline-offset:-2px}";
}
