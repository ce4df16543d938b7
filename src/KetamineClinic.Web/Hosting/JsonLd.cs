using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KetamineClinic.Web.Clinic;
using Microsoft.AspNetCore.Html;

namespace KetamineClinic.Web.Hosting;

/// <summary>schema.org structured data, serialised by System.Text.Json for a <c>script</c> element.</summary>
public static class JsonLd
{
    // The default encoder escapes <, > and & as \u003C…, so no value can close the script element.
    private static readonly JsonSerializerOptions _options = new() { Encoder = JavaScriptEncoder.Default };

    public static IHtmlContent Script(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var json = data.ToJsonString(_options);
        return new HtmlString($"<script type=\"application/ld+json\">{json}</script>");
    }

    public static JsonObject Clinic(ClinicOptions clinic, string origin)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalClinic",
            ["name"] = clinic.Name,
            ["description"] = clinic.Tagline,
            ["url"] = origin + "/",
            ["telephone"] = clinic.PhoneE164,
            ["email"] = clinic.Email,
            ["address"] = new JsonObject
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = clinic.Address.Street,
                ["addressLocality"] = clinic.Address.City,
                ["addressRegion"] = clinic.Address.Region,
                ["postalCode"] = clinic.Address.PostalCode,
                ["addressCountry"] = clinic.Address.Country,
            },
            ["medicalSpecialty"] = "Psychiatric",
        };
    }
}
