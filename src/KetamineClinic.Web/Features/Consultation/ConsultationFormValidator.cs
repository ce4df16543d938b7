using FluentValidation;
using KetamineClinic.Data.Entities;
using KetamineClinic.Web.Clinic;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Features.Consultation;

public sealed class ConsultationFormValidator : AbstractValidator<ConsultationForm>
{
    // Also written into the form for the browser's checks on the radio buttons and tick boxes, which are
    // built by hand rather than by tag helpers, so both say the same thing.
    public const string ChooseContactMethod = "Choose how you would like us to contact you.";
    public const string TickConsent = "Tick the box to agree to be contacted.";
    public const string PhoneNeeded = "Enter your phone number so we can call or text you, or choose email.";

    public static string ConfirmAge(int minimumAge) => $"Confirm that you are {minimumAge} or older.";

    /// <remarks>The rules come in the order the fields appear on the page: the error summary lists problems in this order.</remarks>
    public ConsultationFormValidator(IOptions<ConsultationOptions> options)
    {
        var minimumAge = options.Value.MinimumAge;

        RuleFor(f => f.FirstName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your first name.")
            .MaximumLength(ConsultationForm.NameMaxLength).WithMessage($"First name must be {ConsultationForm.NameMaxLength} characters or fewer.")
            .Must(BeSingleLineText).WithMessage("First name contains characters we cannot accept.")
            .Must(HaveALetterOrDigit).WithMessage("Enter your first name in letters.")
            .Must(BeFreeOfDirectionOverrides).WithMessage("First name contains characters we cannot accept.");

        RuleFor(f => f.LastName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your last name.")
            .MaximumLength(ConsultationForm.NameMaxLength).WithMessage($"Last name must be {ConsultationForm.NameMaxLength} characters or fewer.")
            .Must(BeSingleLineText).WithMessage("Last name contains characters we cannot accept.")
            .Must(HaveALetterOrDigit).WithMessage("Enter your last name in letters.")
            .Must(BeFreeOfDirectionOverrides).WithMessage("Last name contains characters we cannot accept.");

        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(ConsultationForm.EmailMaxLength).WithMessage($"Email must be {ConsultationForm.EmailMaxLength} characters or fewer.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.")
            .Must(EmailAddress.IsValid).WithMessage("Enter an email address like name@example.com.");

        RuleFor(f => f.PreferredContact).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(ChooseContactMethod)
            .Must(value => EnumLabels.All<ContactMethod>().Any(m => m.Value.ToString() == value))
            .WithMessage("Choose phone call, text message or email.");

        // Two rules, so the condition guards only the first: a number typed by someone who chose email is still checked.
        RuleFor(f => f.Phone)
            .NotEmpty().When(f => f.NeedsPhone).WithMessage(PhoneNeeded);

        RuleFor(f => f.Phone).Cascade(CascadeMode.Stop)
            .MaximumLength(ConsultationForm.PhoneMaxLength).WithMessage($"Phone must be {ConsultationForm.PhoneMaxLength} characters or fewer.")
            .Must(phone => PhoneNumber.TryNormalizeUs(phone, out _)).WithMessage("Enter a US phone number, like (312) 555-0147.")
            .When(f => !string.IsNullOrEmpty(f.Phone));

        RuleFor(f => f.State).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose the state you live in.")
            .Must(UsStates.IsValid).WithMessage("Choose a US state or the District of Columbia.");

        RuleFor(f => f.HelpWith).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Tell us briefly what you would like help with.")
            .MaximumLength(ConsultationForm.HelpWithMaxLength).WithMessage($"Please keep this to {ConsultationForm.HelpWithMaxLength:N0} characters or fewer.")
            .Must(BeMultiLineText).WithMessage("This text contains characters we cannot accept.")
            .Must(HaveALetterOrDigit).WithMessage("Tell us in words what you would like help with.");

        RuleFor(f => f.BestTimeToReach).Cascade(CascadeMode.Stop)
            .MaximumLength(ConsultationForm.ShortTextMaxLength).WithMessage($"Best time to reach you must be {ConsultationForm.ShortTextMaxLength} characters or fewer.")
            .Must(BeSingleLineText).WithMessage("Best time to reach you contains characters we cannot accept.")
            .Must(HaveALetterOrDigit).WithMessage("Best time to reach you needs words or numbers, or leave it empty.");

        foreach (var question in HealthQuestions.All)
        {
            RuleFor(f => f.Answers.Of(question))
                .Must(values => values.All(question.Offers))
                .OverridePropertyName(question.Field)
                .WithMessage(question.NotAChoice);
        }

        RuleFor(f => f.HeardAboutUs).Cascade(CascadeMode.Stop)
            .MaximumLength(ConsultationForm.ShortTextMaxLength).WithMessage($"How you heard about us must be {ConsultationForm.ShortTextMaxLength} characters or fewer.")
            .Must(BeSingleLineText).WithMessage("How you heard about us contains characters we cannot accept.")
            .Must(HaveALetterOrDigit).WithMessage("How you heard about us needs words or numbers, or leave it empty.");

        RuleFor(f => f.Consent)
            .Equal(true).WithMessage(TickConsent);

        RuleFor(f => f.IsAdult)
            .Equal(true).WithMessage(ConfirmAge(minimumAge));

        RuleFor(f => f.IdempotencyKey)
            .NotEqual(Guid.Empty)
            .WithMessage("This form has expired. Please check your answers and send it again.");
    }

    private static bool BeSingleLineText(string? value) => value is null || !value.Any(char.IsControl);

    /// <summary>Text made only of spaces, zero-width characters or direction marks looks empty but is not: refused.</summary>
    private static bool HaveALetterOrDigit(string? value) => string.IsNullOrEmpty(value) || value.Any(char.IsLetterOrDigit);

    /// <summary>Direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make a name read differently on staff screens.</summary>
    private static bool BeFreeOfDirectionOverrides(string? value) =>
        value is null || !value.Any(c => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    private static bool BeMultiLineText(string? value) =>
        value is null || !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
