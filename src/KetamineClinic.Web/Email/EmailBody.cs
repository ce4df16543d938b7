using System.Net;
using System.Text;

namespace KetamineClinic.Web.Email;

/// <summary>A run of text in a paragraph: plain, strong, or a link.</summary>
public abstract record Span(string Text)
{
    public static implicit operator Span(string text) => new Plain(text);
}

public sealed record Plain(string Text) : Span(Text);

public sealed record Strong(string Text) : Span(Text);

/// <summary>A link; in the plain-text part its address follows the text when <paramref name="ShowUrlInText"/> (a tel: link need not).</summary>
public sealed record Link(string Text, string Url, bool ShowUrlInText = true) : Span(Text);

public abstract record EmailBlock;

public sealed record Paragraph(IReadOnlyList<Span> Spans) : EmailBlock
{
    public Paragraph(params Span[] spans)
        : this((IReadOnlyList<Span>)spans)
    {
    }
}

/// <summary>Label and value pairs: "Label: value" lines in text, a table in HTML.</summary>
public sealed record FieldTable(IReadOnlyList<(string Label, string Value)> Rows) : EmailBlock;

/// <summary>
/// What an email says, as one list of blocks from which both its plain-text and its HTML parts are written, so
/// the two can never say different things. Every value is HTML-encoded in the HTML part.
/// </summary>
public sealed class EmailBody
{
    private readonly List<EmailBlock> _blocks = [];

    public IReadOnlyList<EmailBlock> Blocks => _blocks;

    public EmailBody Add(EmailBlock block)
    {
        _blocks.Add(block);
        return this;
    }

    public EmailBody Add(params Span[] spans) => Add(new Paragraph(spans));

    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var block in _blocks)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            switch (block)
            {
                case Paragraph paragraph:
                    foreach (var span in paragraph.Spans)
                    {
                        text.Append(span is Link { ShowUrlInText: true } link ? $"{link.Text}: {link.Url}" : span.Text);
                    }

                    text.AppendLine();
                    break;
                case FieldTable table:
                    foreach (var (label, value) in table.Rows)
                    {
                        text.Append(label).Append(": ").AppendLine(value);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var block in _blocks)
        {
            switch (block)
            {
                case Paragraph paragraph:
                    html.Append("<p>");
                    foreach (var span in paragraph.Spans)
                    {
                        html.Append(span switch
                        {
                            Strong strong => $"<strong>{Encode(strong.Text)}</strong>",
                            Link link => $"<a href=\"{Encode(link.Url)}\">{Encode(link.Text)}</a>",
                            _ => Encode(span.Text),
                        });
                    }

                    html.Append("</p>");
                    break;
                case FieldTable table:
                    html.Append("<table>");
                    foreach (var (label, value) in table.Rows)
                    {
                        html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>")
                            .Append(Encode(value).ReplaceLineEndings("<br>")).Append("</td></tr>");
                    }

                    html.Append("</table>");
                    break;
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
