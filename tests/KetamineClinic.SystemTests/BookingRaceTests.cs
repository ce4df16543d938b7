using System.Net;
using KetamineClinic.Testing;
using Microsoft.Data.Sqlite;

namespace KetamineClinic.SystemTests;

/// <summary>Two visitors, each on their own app instance over one database, posting the same last free time at once.</summary>
public sealed class BookingRaceTests
{
    private const int Rounds = 4;

    [Fact]
    public async Task Two_instances_booking_the_same_time_at_the_same_moment_give_exactly_one_call()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-booking-race-").FullName;
        try
        {
            var database = Path.Combine(directory, "shared.db");
            Dictionary<string, string> Settings() => new()
            {
                ["ConnectionStrings__Clinic"] = $"Data Source={database}",
                ["Consultation__MinimumFillSeconds"] = "0",
                ["Consultation__RateLimit__PermitLimit"] = "100",
            };
            await using var first = await AppProcess.StartAsync(Settings(), Path.Combine(directory, "a"));
            await using var second = await AppProcess.StartAsync(Settings(), Path.Combine(directory, "b"));

            for (var round = 0; round < Rounds; round++)
            {
                using var one = new FormClient(first.BaseAddress);
                using var other = new FormClient(second.BaseAddress);
                var (oneForm, oneStart) = await ChooseTimeFormAsync(one);
                var (otherForm, otherStart) = await ChooseTimeFormAsync(other);
                Assert.Equal(oneStart, otherStart); // each earlier round booked the then-first time

                var posts = await Task.WhenAll(
                    one.PostAsync(oneForm.Action, oneForm.Hidden.Append(KeyValuePair.Create("Start", oneStart))),
                    other.PostAsync(otherForm.Action, otherForm.Hidden.Append(KeyValuePair.Create("Start", otherStart))));

                Assert.Single(posts, p => p.StatusCode == HttpStatusCode.Redirect);
                var loser = Assert.Single(posts, p => p.StatusCode == HttpStatusCode.UnprocessableEntity);
                Assert.Contains("That time was just taken", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                foreach (var post in posts)
                {
                    post.Dispose();
                }
            }

            await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT StartsAt) FROM ConsultationCalls WHERE CancelledAt IS NULL";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(Rounds, reader.GetInt32(0));
            Assert.Equal(Rounds, reader.GetInt32(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Sends a request, then reads its "Choose a time" form: where it posts, its hidden fields, the first time offered.</summary>
    private static async Task<((string Action, Dictionary<string, string> Hidden) Form, string FirstStart)> ChooseTimeFormAsync(FormClient client)
    {
        var hidden = await client.GetFormFieldsAsync("/consultation", "form.consultation-form");
        using var sent = await client.PostAsync("/consultation", hidden.Concat(ConsultationVisitor.ValidFields()));
        var reference = ConsultationVisitor.ReferenceFrom(sent) ?? throw new InvalidOperationException("The request was not accepted.");
        var page = await client.GetDocumentAsync($"/consultation/received/{reference}");
        var form = page.QuerySelector("form.choose-time") ?? throw new InvalidOperationException("No time list on the received page.");
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var start = form.QuerySelector("input[type=radio][name=Start]")!.GetAttribute("value")!;
        return ((form.GetAttribute("action")!, fields), start);
    }
}
