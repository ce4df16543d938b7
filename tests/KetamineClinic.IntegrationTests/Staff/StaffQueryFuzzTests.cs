using System.Net;
using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Staff;

/// <summary>Every query parameter of every staff page takes any value without a server error.</summary>
public sealed class StaffQueryFuzzTests : IDisposable
{
    private static readonly string[] _values =
    [
        "", " ", "-1", "0", "1", "2147483648", "99999999999999999999", "-2147483649", "1e309", "NaN", "true",
        "9999-12-31", "0001-01-01", "10000-01-01", "2026-02-30", "2026-12-02T25:00", "%00", "\u0000", "\u202Eevil",
        "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%", "_", "\\", "[", "New", "NotACandidate",
        "request.viewed", "lead.viewed", new string('x', 5000), "ü€😀",
    ];

    private static readonly (string Path, string[] Parameters)[] _pages =
    [
        ("/staff/requests", ["status", "q", "page", "sort"]),
        ("/staff/requests/export", ["status", "q"]),
        ("/staff/audit", ["action", "from", "to", "actor", "page"]),
        ("/staff/users", ["page"]),
        ("/staff/login", ["returnUrl", "expired"]),
    ];

    private readonly ClinicAppFactory _app = new();

    public StaffQueryFuzzTests() => _app.Settings["Staff:LoginAttemptsPerMinute"] = "1000";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task No_value_of_any_staff_query_parameter_causes_a_server_error()
    {
        await _app.AddRequestAsync(status: RequestStatus.Contacted);
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);
        var failures = new List<string>();

        foreach (var (path, parameters) in _pages)
        {
            foreach (var parameter in parameters)
            {
                foreach (var value in _values)
                {
                    var url = $"{path}?{parameter}={Uri.EscapeDataString(value)}";
                    using var response = await admin.GetAsync(url);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(int)response.StatusCode} {url[..Math.Min(url.Length, 120)]}");
                    }
                }
            }
        }

        foreach (var path in new[] { "/staff/requests/2147483648", "/staff/requests/-1", "/staff/requests/0", "/staff/requests/abc", "/staff/requests/1.5" })
        {
            using var response = await admin.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {path}");
            }
        }

        Assert.True(failures.Count == 0, "Server errors:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task The_audit_log_answers_for_the_last_and_first_days_of_the_calendar()
    {
        var admin = await _app.SignedInClientAsync(StaffRoles.Admin);

        using var last = await admin.GetAsync("/staff/audit?from=0001-01-01&to=9999-12-31");
        var page = await last.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("tbody tr"));
    }
}
