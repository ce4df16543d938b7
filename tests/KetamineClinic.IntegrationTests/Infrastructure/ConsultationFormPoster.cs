using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>Fills in the real form as a browser would: GET it, keep its hidden fields and cookies, POST it.</summary>
public static class ConsultationFormPoster
{
    public static Dictionary<string, string> ValidFields(string helpWith = "Anxiety that has not eased with two SSRIs.") => new()
    {
        ["FirstName"] = "  Avery ",
        ["LastName"] = "Quinn",
        ["Email"] = "avery.quinn@example.com",
        ["Phone"] = "(312) 555-0199",
        ["PreferredContact"] = "TextMessage",
        ["State"] = "IL",
        ["HelpWith"] = helpWith,
        ["Consent"] = "true",
        ["IsAdult"] = "true",
    };

    public static HttpClient CreateBrowser(this ClinicAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>The form's hidden fields (antiforgery token, idempotency key, start time) from a fresh GET.</summary>
    public static async Task<List<KeyValuePair<string, string>>> OpenFormAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/consultation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        return HiddenFields(document);
    }

    public static List<KeyValuePair<string, string>> HiddenFields(IDocument document) =>
    [
        .. document.QuerySelectorAll("form.consultation-form input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value") ?? "")),
    ];

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> hidden, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync("/consultation", new FormUrlEncodedContent([.. hidden, .. fields]));

    /// <summary>Opens the form and posts <paramref name="fields"/> with its hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        await client.PostFormAsync(await client.OpenFormAsync(), fields);

    public static string ReferenceFrom(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var location = redirect.Headers.Location!.OriginalString;
        Assert.StartsWith("/consultation/received/", location, StringComparison.Ordinal);
        return location["/consultation/received/".Length..];
    }
}
