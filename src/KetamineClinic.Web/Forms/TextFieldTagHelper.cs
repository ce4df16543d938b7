using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KetamineClinic.Web.Forms;

/// <summary>
/// <c>&lt;text-field for="Email" label="Email" type="email" autocomplete="email" required /&gt;</c>: a text input
/// (or, with <c>rows</c>, a textarea) in the GOV.UK pattern — label, optional hint, the field's own error and the
/// input, tied together with <c>aria-describedby</c> and <c>aria-invalid</c> — carrying the validator's
/// <c>data-val</c> rules for the browser's checks.
/// </summary>
[HtmlTargetElement("text-field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextFieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public int? Maxlength { get; set; }
    public bool Required { get; set; }

    /// <summary>A textarea of this many rows instead of an input.</summary>
    public int Rows { get; set; }

    public bool Spellcheck { get; set; } = true;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var invalid = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0;

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");

        var label = new TagBuilder("label");
        label.Attributes["for"] = id;
        label.InnerHtml.Append(Label);
        if (Required)
        {
            label.InnerHtml.AppendHtml(" <span aria-hidden=\"true\">*</span>");
        }

        output.Content.AppendHtml(label);
        if (Hint is not null)
        {
            var hint = new TagBuilder("p");
            hint.AddCssClass("hint");
            hint.Attributes["id"] = $"{id}-hint";
            hint.InnerHtml.Append(Hint);
            output.Content.AppendHtml(hint);
        }

        output.Content.AppendHtml(generator.GenerateValidationMessage(
            ViewContext, For.ModelExplorer, name, message: null, tag: "span",
            htmlAttributes: new Dictionary<string, object> { ["id"] = $"{id}-error", ["class"] = "field-error" }));

        var attributes = new Dictionary<string, object>
        {
            ["aria-describedby"] = Hint is null ? $"{id}-error" : $"{id}-hint {id}-error",
        };
        if (Autocomplete is not null)
        {
            attributes["autocomplete"] = Autocomplete;
        }

        if (Maxlength is { } maxlength)
        {
            attributes["maxlength"] = maxlength;
        }

        if (Required)
        {
            attributes["required"] = "required";
        }

        if (!Spellcheck)
        {
            attributes["spellcheck"] = "false";
        }

        if (invalid)
        {
            attributes["aria-invalid"] = "true";
        }

        IHtmlContent input;
        if (Rows > 0)
        {
            input = generator.GenerateTextArea(ViewContext, For.ModelExplorer, name, Rows, columns: 0, attributes);
        }
        else
        {
            attributes["type"] = Type;
            input = generator.GenerateTextBox(ViewContext, For.ModelExplorer, name, For.Model, format: null, attributes);
        }

        output.Content.AppendHtml(input);
    }
}
