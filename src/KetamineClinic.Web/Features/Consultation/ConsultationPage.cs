using FluentValidation.Results;
using KetamineClinic.Web.Forms;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>The request form's page: the form as typed, and the problems that sent it back, in the page's order.</summary>
public sealed record ConsultationPage(ConsultationForm Form, ErrorSummary Problems)
{
    public static ConsultationPage Blank(ConsultationForm form) => new(form, ErrorSummary.None);

    /// <summary>
    /// The problems with the post as a whole or a field's raw text (first), then the validator's failures in its order
    /// (the order of the fields on the page); a failure with no field on the page links nowhere.
    /// </summary>
    public static ConsultationPage Returned(ConsultationForm form, IReadOnlyList<FieldError> problems, ValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(form, new ErrorSummary(
        [
            .. problems,
            .. validation.Errors
                .Where(e => !problems.Any(p => p.FieldId == e.PropertyName))
                .Select(e => new FieldError(e.PropertyName == nameof(ConsultationForm.IdempotencyKey) ? null : e.PropertyName, e.ErrorMessage)),
        ]));
    }
}
