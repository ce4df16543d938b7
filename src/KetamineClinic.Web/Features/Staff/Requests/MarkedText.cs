using KetamineClinic.Web.Features.Consultation;
using Microsoft.AspNetCore.Html;

namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>
/// The visitor's text, encoded, with the crisis phrases in <c>&lt;mark&gt;</c>. Built as one piece of content so no
/// whitespace creeps in between the runs (the text is shown with its line breaks kept).
/// </summary>
public static class MarkedText
{
    public static IHtmlContent Of(string text)
    {
        var html = new HtmlContentBuilder();
        foreach (var run in CrisisDetector.Highlight(text))
        {
            if (run.IsCrisisPhrase)
            {
                html.AppendHtml("<mark>").Append(run.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(run.Text);
            }
        }

        return html;
    }
}
