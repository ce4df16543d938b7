using System.Text.Json;
using KetamineClinic.Web.Features.Consultation;

namespace KetamineClinic.Web.Features.Staff.Leads;

/// <summary>
/// Shows the health answers: as the form asked them (questions and the labels of the choices made) when
/// they have the form's shape, and otherwise whatever their shape, with nested keys joined by " › " and
/// lists of plain values by commas. Text that is not JSON is shown as it is.
/// </summary>
public static class HealthAnswersView
{
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(string? json)
    {
        var rows = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return rows;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (AsForm(document.RootElement, json) is { } answers)
            {
                return [.. answers.Describe().Select(row => new KeyValuePair<string, string>(row.Question, row.Answer))];
            }

            Add(rows, "", document.RootElement);
        }
        catch (JsonException)
        {
            rows.Add(new("Answers", json));
        }

        return rows;
    }

    private static void Add(List<KeyValuePair<string, string>> rows, string path, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Add(rows, path.Length == 0 ? Humanise(property.Name) : $"{path} › {Humanise(property.Name)}", property.Value);
                }

                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                rows.Add(new(Label(path), string.Join(", ", element.EnumerateArray().Select(Scalar))));
                break;
            case JsonValueKind.Array:
                var i = 1;
                foreach (var item in element.EnumerateArray())
                {
                    Add(rows, $"{Label(path)} {i++}", item);
                }

                break;
            default:
                rows.Add(new(Label(path), Scalar(element)));
                break;
        }
    }

    /// <summary>The form's own answers: an object with only its keys, each of the form's type.</summary>
    private static HealthAnswers? AsForm(JsonElement root, string json)
    {
        string[] keys = ["concerns", "treatmentsTried", "screening"];
        if (root.ValueKind != JsonValueKind.Object || !root.EnumerateObject().All(p => keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            return null;
        }

        try
        {
            return HealthAnswers.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Label(string path) => path.Length == 0 ? "Answers" : path;

    private static string Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.True => "Yes",
        JsonValueKind.False => "No",
        JsonValueKind.Null => "—",
        _ => element.GetRawText(),
    };

    /// <summary>"triedTherapy" or "tried_therapy" → "Tried therapy".</summary>
    private static string Humanise(string name)
    {
        var words = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name.Replace('_', ' ').Replace('-', ' '))
        {
            if (char.IsUpper(c) && words.Length > 0 && words[^1] != ' ')
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
