using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Writes the footnotes as a titled "Sources" section instead of Markdig's untitled rule and list, so readers
/// (and screen-reader heading lists) can find the citations.
/// </summary>
internal sealed class SourcesRenderer : HtmlObjectRenderer<FootnoteGroup>
{
    protected override void Write(HtmlRenderer renderer, FootnoteGroup group)
    {
        renderer.EnsureLine();
        renderer.WriteLine("<section class=\"footnotes\" aria-labelledby=\"sources-heading\">");
        renderer.WriteLine("<h2 id=\"sources-heading\">Sources</h2>");
        renderer.WriteLine("<ol>");
        foreach (var footnote in group.OfType<Footnote>())
        {
            renderer.Write("<li id=\"fn:").Write(footnote.Order.ToString(CultureInfo.InvariantCulture)).WriteLine("\">");
            renderer.WriteChildren(footnote);
            renderer.WriteLine("</li>");
        }

        renderer.WriteLine("</ol>");
        renderer.WriteLine("</section>");
    }
}
