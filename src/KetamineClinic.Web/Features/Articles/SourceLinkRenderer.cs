using System.Globalization;
using Markdig.Extensions.Footnotes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace KetamineClinic.Web.Features.Articles;

/// <summary>
/// Writes a citation and its way back with link text that says what they are ("Source 2", "Back to the
/// text"), instead of Markdig's bare number and arrow; a source cited twice says which citation each
/// way back returns to.
/// </summary>
internal sealed class SourceLinkRenderer : HtmlObjectRenderer<FootnoteLink>
{
    protected override void Write(HtmlRenderer renderer, FootnoteLink link)
    {
        var order = link.Footnote.Order.ToString(CultureInfo.InvariantCulture);
        var index = link.Index.ToString(CultureInfo.InvariantCulture);
        if (!link.IsBackLink)
        {
            renderer.Write("<a id=\"fnref:").Write(index).Write("\" href=\"#fn:").Write(order)
                .Write("\" class=\"footnote-ref\" aria-label=\"Source ").Write(order).Write("\"><sup>").Write(order).Write("</sup></a>");
            return;
        }

        var citations = link.Footnote.Links.Where(l => !l.IsBackLink).ToList();
        var label = citations.Count > 1
            ? $"Back to the text, citation {citations.FindIndex(l => l.Index == link.Index) + 1} of {citations.Count}"
            : "Back to the text";
        renderer.Write("<a href=\"#fnref:").Write(index).Write("\" class=\"footnote-back-ref\" aria-label=\"").Write(label)
            .Write("\">&#8617;</a>");
    }
}
