using AngleSharp.Dom;

namespace KetamineClinic.IntegrationTests.Infrastructure;

/// <summary>Chooses a time on the "Choose a time" form as a browser would: its antiforgery token, one of its radios.</summary>
public static class CallBookingPoster
{
    public static IReadOnlyList<string> OfferedStarts(IDocument page) =>
        [.. page.QuerySelectorAll("form.choose-time input[type=radio][name=Start]").Select(r => r.GetAttribute("value")!)];

    public static async Task<HttpResponseMessage> ChooseAsync(this HttpClient client, IDocument page, string? start)
    {
        var form = page.QuerySelector("form.choose-time")!;
        List<KeyValuePair<string, string>> fields =
        [
            .. form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")),
        ];
        if (start is not null)
        {
            fields.Add(new("Start", start));
        }

        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }
}
