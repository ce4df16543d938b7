using System.Net;
using AngleSharp.Html.Parser;

namespace KetamineClinic.SystemTests;

/// <summary>An HTTP client with its own cookie jar that reads forms the way a browser would.</summary>
public sealed class FormClient : IDisposable
{
    private readonly HttpClient _client;

    public FormClient(Uri baseAddress, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    /// <summary>GETs a page and returns the named hidden inputs of its first POST form (or the form matching <paramref name="formSelector"/>).</summary>
    public async Task<Dictionary<string, string>> GetFormFieldsAsync(string path, string formSelector = "form[method=post]")
    {
        var html = await _client.GetStringAsync(path);
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"{path} has no form matching {formSelector}.");
        return form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
    }

    public async Task<AngleSharp.Html.Dom.IHtmlDocument> GetDocumentAsync(string path) =>
        new HtmlParser().ParseDocument(await _client.GetStringAsync(path));

    public Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    public void Dispose() => _client.Dispose();
}
