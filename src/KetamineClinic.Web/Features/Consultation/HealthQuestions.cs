namespace KetamineClinic.Web.Features.Consultation;

/// <summary>A choice the form offers: the value posted and stored, and the label people read.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>
/// One optional health question, in the one place that says how it is asked (its text and choices), read
/// (the form field of the same name), checked (a value must be one of the choices), stored (in the encrypted
/// HealthAnswers column) and shown to staff (<see cref="Heading"/> and the labels of the choices made).
/// </summary>
/// <param name="Field">The form field and the key it is stored under.</param>
/// <param name="Text">The question as the visitor reads it.</param>
/// <param name="Heading">What staff pages and emails call the answer.</param>
/// <param name="AllowsSeveral">Tick boxes (several answers) rather than radio buttons (one).</param>
/// <param name="NotAChoice">The message for a posted value that is not one of the choices.</param>
public sealed record HealthQuestion(
    string Field, string Text, string Heading, IReadOnlyList<Choice> Choices, bool AllowsSeveral, string NotAChoice)
{
    public bool Offers(string value) => Choices.Any(c => c.Value == value);

    public string LabelOf(string value) => Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value;
}

/// <summary>The optional health questions of the consultation form, in the order the form asks them.</summary>
public static class HealthQuestions
{
    public static HealthQuestion Concerns { get; } = new(
        "Concerns", "What are your main concerns?", "Concerns",
        [
            new("generalized-anxiety", "Generalized anxiety"),
            new("social-anxiety", "Social anxiety"),
            new("panic", "Panic"),
            new("ptsd", "PTSD"),
            new("depression", "Depression"),
            new("other", "Other"),
        ],
        AllowsSeveral: true,
        "Choose concerns from the list.");

    public static HealthQuestion TreatmentsTried { get; } = new(
        "TreatmentsTried", "Which treatments have you already tried?", "Treatments tried",
        [
            new("ssri-snri", "SSRIs or SNRIs"),
            new("benzodiazepines", "Benzodiazepines"),
            new("talk-therapy", "Talk therapy or CBT"),
            new("other", "Other"),
        ],
        AllowsSeveral: true,
        "Choose treatments from the list.");

    /// <summary>The questions a provider asks before any treatment, each answered Yes, No or Prefer to discuss.</summary>
    public static IReadOnlyList<HealthQuestion> Screening { get; } =
    [
        YesOrNo("HeartCondition", "Do you have a heart condition or high blood pressure?"),
        YesOrNo("Psychosis", "Have you ever had psychosis (for example hallucinations or delusions)?"),
        YesOrNo("SubstanceUse", "Do you currently use alcohol or drugs in a way that worries you?"),
        YesOrNo("Pregnancy", "Are you pregnant, or could you be?"),
    ];

    public static IReadOnlyList<HealthQuestion> All { get; } = [Concerns, TreatmentsTried, .. Screening];

    private static HealthQuestion YesOrNo(string field, string question) => new(
        field, question, question,
        [new("Yes", "Yes"), new("No", "No"), new("PreferToDiscuss", "Prefer to discuss")],
        AllowsSeveral: false,
        "Choose Yes, No or Prefer to discuss.");
}
