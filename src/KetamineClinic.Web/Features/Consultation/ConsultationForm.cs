namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// What the visitor posts. Every property is a string, list or flag so that any input, however
/// malformed, binds and reaches the validator instead of failing in model binding.
/// </summary>
public sealed class ConsultationForm
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 30;
    public const int HelpWithMaxLength = 2000;
    public const int ShortTextMaxLength = 200;

    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PreferredContact { get; set; }
    public string? State { get; set; }
    public string? HelpWith { get; set; }
    public bool Consent { get; set; }
    public bool IsAdult { get; set; }

    public string? BestTimeToReach { get; set; }
    public List<string> Concerns { get; set; } = [];
    public List<string> TreatmentsTried { get; set; } = [];
    public string? HeartCondition { get; set; }
    public string? Psychosis { get; set; }
    public string? SubstanceUse { get; set; }
    public string? Pregnancy { get; set; }
    public string? HeardAboutUs { get; set; }

    /// <summary>Rendered into the form so a repeated post of the same form is recognised.</summary>
    public Guid IdempotencyKey { get; set; }

    /// <summary>Protected time the form was shown, for the minimum fill time.</summary>
    public string? FormStarted { get; set; }

    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    /// <summary>Trims every text field, so validation and storage see what the person meant.</summary>
    public void Trim()
    {
        FirstName = FirstName?.Trim();
        LastName = LastName?.Trim();
        Email = Email?.Trim();
        Phone = Phone?.Trim();
        PreferredContact = PreferredContact?.Trim();
        State = State?.Trim().ToUpperInvariant();
        HelpWith = HelpWith?.Trim();
        BestTimeToReach = BestTimeToReach?.Trim();
        HeardAboutUs = HeardAboutUs?.Trim();
        HeartCondition = HeartCondition?.Trim();
        Psychosis = Psychosis?.Trim();
        SubstanceUse = SubstanceUse?.Trim();
        Pregnancy = Pregnancy?.Trim();
        Concerns = [.. Concerns.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal)];
        TreatmentsTried = [.. TreatmentsTried.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>The fixed choices the form offers: the value posted and the label people read.</summary>
public static class ConsultationChoices
{
    public static IReadOnlyList<(string Value, string Label)> ContactMethods { get; } =
    [
        ("PhoneCall", "Phone call"),
        ("TextMessage", "Text message"),
        ("Email", "Email"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Concerns { get; } =
    [
        ("generalized-anxiety", "Generalized anxiety"),
        ("social-anxiety", "Social anxiety"),
        ("panic", "Panic"),
        ("ptsd", "PTSD"),
        ("depression", "Depression"),
        ("other", "Other"),
    ];

    public static IReadOnlyList<(string Value, string Label)> Treatments { get; } =
    [
        ("ssri-snri", "SSRIs or SNRIs"),
        ("benzodiazepines", "Benzodiazepines"),
        ("talk-therapy", "Talk therapy or CBT"),
        ("other", "Other"),
    ];

    public static IReadOnlyList<(string Value, string Label)> ScreeningAnswers { get; } =
    [
        ("Yes", "Yes"),
        ("No", "No"),
        ("PreferToDiscuss", "Prefer to discuss"),
    ];

    /// <summary>The screening questions: form property and the question as asked.</summary>
    public static IReadOnlyList<(string Field, string Question)> ScreeningQuestions { get; } =
    [
        (nameof(ConsultationForm.HeartCondition), "Do you have a heart condition or high blood pressure?"),
        (nameof(ConsultationForm.Psychosis), "Have you ever had psychosis (for example hallucinations or delusions)?"),
        (nameof(ConsultationForm.SubstanceUse), "Do you currently use alcohol or drugs in a way that worries you?"),
        (nameof(ConsultationForm.Pregnancy), "Are you pregnant, or could you be?"),
    ];

    public static bool IsValue(IReadOnlyList<(string Value, string Label)> choices, string? value) =>
        value is not null && choices.Any(c => c.Value == value);

    public static string LabelOf(IReadOnlyList<(string Value, string Label)> choices, string value) =>
        choices.FirstOrDefault(c => c.Value == value).Label ?? value;
}
