using System.Net;

namespace KetamineClinic.SystemTests;

/// <summary>A visitor who opens the consultation form and sends it, as a browser would.</summary>
public sealed class ConsultationVisitor(Uri baseAddress) : IDisposable
{
    private readonly FormClient _client = new(baseAddress);

    public static Dictionary<string, string> ValidFields() => new()
    {
        ["FirstName"] = "Avery",
        ["LastName"] = "Quinn",
        ["Email"] = "avery.quinn@example.com",
        ["Phone"] = "(312) 555-0199",
        ["PreferredContact"] = "TextMessage",
        ["State"] = "IL",
        ["HelpWith"] = "Anxiety that has not eased with two SSRIs.",
        ["Consent"] = "true",
        ["IsAdult"] = "true",
    };

    /// <summary>GETs the form and POSTs a valid submission; returns the reference from the confirmation redirect, or null when none came.</summary>
    public async Task<string?> SubmitAsync()
    {
        var hidden = await _client.GetFormFieldsAsync("/consultation", "form.consultation-form");
        using var response = await _client.PostAsync("/consultation", hidden.Concat(ValidFields()));
        return ReferenceFrom(response);
    }

    public static string? ReferenceFrom(HttpResponseMessage response)
    {
        const string prefix = "/consultation/received/";
        var location = response.Headers.Location?.OriginalString;
        return response.StatusCode == HttpStatusCode.Redirect && location is not null && location.StartsWith(prefix, StringComparison.Ordinal)
            ? location[prefix.Length..]
            : null;
    }

    public void Dispose() => _client.Dispose();
}
