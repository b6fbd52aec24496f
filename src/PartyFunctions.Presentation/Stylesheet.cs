namespace PartyFunctions.Presentation;

/// <summary>
/// The stylesheet of the pages people fill in or land on (the form, receipt, confirmation, decisions and error
/// pages), written into each page: the pages load nothing from elsewhere and stay readable on a small phone.
/// </summary>
public static class Stylesheet
{
    public const string Css =
        "body{margin:0;font:16px/1.45 system-ui,Arial,sans-serif;color:#1a1a1a;background:#fff}main{max-width:40rem;margin:0 auto;padding:12px}" +
        "h1{font-size:1.3rem;color:#a40000}fieldset{border:1px solid #ccc;margin:0 0 12px;padding:8px}legend{font-weight:bold}" +
        ".f{margin:0 0 10px}.f label{display:block}.f.c label{display:inline}input,select,button{font:inherit;box-sizing:border-box}" +
        "input[type=text],input[type=password],input[type=number],select{width:100%;padding:6px;border:1px solid #777}" +
        ".bad input,.bad select{border:2px solid #b00020}.err{color:#b00020;margin:2px 0 0}.errors{border:2px solid #b00020;padding:4px 8px}" +
        "button{width:100%;padding:10px;background:#a40000;color:#fff;border:0}.max,.note{color:#555}.ok{color:#0a6b0a;font-weight:bold}" +
        "dt{font-weight:bold}dd{margin:0 0 6px}.lang{text-align:right}";
}
