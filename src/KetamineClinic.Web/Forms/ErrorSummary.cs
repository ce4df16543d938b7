namespace KetamineClinic.Web.Forms;

/// <summary>One problem in a form: the id of the field it links to (none for a problem with the whole form) and what to do.</summary>
public sealed record FieldError(string? FieldId, string Message);

/// <summary>The error summary at the top of a form returned with problems (Views/Shared/_ErrorSummary.cshtml), in the GOV.UK pattern.</summary>
public sealed record ErrorSummary(IReadOnlyList<FieldError> Errors, string Title = "There is a problem")
{
    public static ErrorSummary None { get; } = new([]);

    public bool Any => Errors.Count > 0;
}
