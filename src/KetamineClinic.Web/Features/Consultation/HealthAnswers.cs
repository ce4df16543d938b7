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

    public static HealthAnswers FromJson(string json) =>
        JsonSerializer.Deserialize<HealthAnswers>(json, _json) ?? new HealthAnswers([], [], new Dictionary<string, string>());
}
