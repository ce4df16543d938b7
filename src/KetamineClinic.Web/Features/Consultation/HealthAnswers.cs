using System.Text.Json;
using System.Text.Json.Nodes;

namespace KetamineClinic.Web.Features.Consultation;

/// <summary>
/// The visitor's answers to <see cref="HealthQuestions"/>, by question field; stored together as JSON in the
/// encrypted HealthAnswers column. A question answered with several values is stored as an array under its
/// camel-cased field (<c>"concerns": [...]</c>), a question with one answer under <c>"screening"</c>
/// (<c>"screening": {"HeartCondition": "No"}</c>): the shape every stored request already has.
/// </summary>
public sealed class HealthAnswers
{
    private const string ScreeningKey = "screening";
    private readonly Dictionary<string, IReadOnlyList<string>> _answers;

    private HealthAnswers(Dictionary<string, IReadOnlyList<string>> answers) => _answers = answers;

    public static HealthAnswers None { get; } = new([]);

    /// <summary>The values given for each question that has any; questions not in the list are ignored.</summary>
    public static HealthAnswers From(Func<HealthQuestion, IEnumerable<string?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var question in HealthQuestions.All)
        {
            var values = read(question).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 0)
            {
                // One radio button can be chosen; a second value posted for it is ignored, as model binding would.
                answers[question.Field] = question.AllowsSeveral ? values : [values[0]];
            }
        }

        return new HealthAnswers(answers);
    }

    public IReadOnlyList<string> Of(HealthQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _answers.TryGetValue(question.Field, out var values) ? values : [];
    }

    /// <summary>The first (for a radio question, the only) answer, or null.</summary>
    public string? OneOf(HealthQuestion question) => Of(question) is [var first, ..] ? first : null;

    /// <summary>
    /// The answers as the visitor saw them: each question's heading with the labels of the choices made (not
    /// their stored codes), in the form's order. Questions left unanswered are left out.
    /// </summary>
    public IReadOnlyList<(string Question, string Answer)> Describe() =>
    [
        .. HealthQuestions.All
            .Where(q => Of(q).Count > 0)
            .Select(q => (q.Heading, string.Join(", ", Of(q).Select(q.LabelOf)))),
    ];

    public string ToJson()
    {
        var root = new JsonObject();
        var screening = new JsonObject();
        foreach (var question in HealthQuestions.All)
        {
            var values = Of(question);
            if (question.AllowsSeveral)
            {
                root[JsonNamingPolicy.CamelCase.ConvertName(question.Field)] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
            }
            else if (values.Count > 0)
            {
                screening[question.Field] = values[0];
            }
        }

        root[ScreeningKey] = screening;
        return root.ToJsonString();
    }

    public static HealthAnswers FromJson(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("The health answers are not a JSON object.");
        var screening = root[ScreeningKey] as JsonObject;
        return From(question => question.AllowsSeveral
            ? (root[JsonNamingPolicy.CamelCase.ConvertName(question.Field)] as JsonArray ?? []).Select(v => v?.GetValue<string>())
            : [screening?[question.Field]?.GetValue<string>()]);
    }
}
