using System.Text.Json;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>The optional health questions, stored together as JSON in the encrypted HealthAnswers column.</summary>
public sealed record HealthAnswers(
    IReadOnlyList<string> Concerns,
    IReadOnlyList<string> TreatmentsTried,
    IReadOnlyDictionary<string, string> Screening)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static HealthAnswers From(ConsultationForm form)
    {
        var screening = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string? answer)
        {
            if (!string.IsNullOrEmpty(answer))
            {
                screening[field] = answer;
            }
        }

        Add(nameof(form.HeartCondition), form.HeartCondition);
        Add(nameof(form.Psychosis), form.Psychosis);
        Add(nameof(form.SubstanceUse), form.SubstanceUse);
        Add(nameof(form.Pregnancy), form.Pregnancy);
        return new HealthAnswers(form.Concerns, form.TreatmentsTried, screening);
    }

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    /// <summary>
    /// The answers as the visitor saw them: each question, with the labels of the choices made (not their
    /// stored codes). Questions left unanswered are left out.
    /// </summary>
    public IReadOnlyList<(string Question, string Answer)> Describe()
    {
        var rows = new List<(string, string)>();
        if (Concerns is { Count: > 0 })
        {
            rows.Add(("Concerns", string.Join(", ", Concerns.Select(c => ConsultationChoices.LabelOf(ConsultationChoices.Concerns, c)))));
        }

        if (TreatmentsTried is { Count: > 0 })
        {
            rows.Add(("Treatments tried", string.Join(", ", TreatmentsTried.Select(t => ConsultationChoices.LabelOf(ConsultationChoices.Treatments, t)))));
        }

        foreach (var (field, question) in ConsultationChoices.ScreeningQuestions)
        {
            if (Screening?.TryGetValue(field, out var answer) == true)
            {
                rows.Add((question, ConsultationChoices.LabelOf(ConsultationChoices.ScreeningAnswers, answer)));
            }
        }

        return rows;
    }

    public static HealthAnswers FromJson(string json) =>
        JsonSerializer.Deserialize<HealthAnswers>(json, _json) ?? new HealthAnswers([], [], new Dictionary<string, string>());
}
