using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using KetamineClinic.Data.Entities;

namespace KetamineClinic.Web.Features.Staff.Requests;

/// <summary>What the export loads of a request: contact details and triage facts, never the health answers.</summary>
public sealed record ExportRow(
    string Reference, DateTime CreatedAt, string FirstName, string LastName, string Email, string Phone,
    ContactMethod PreferredContact, string State, string? BestTimeToReach, string? HeardAboutUs,
    RequestStatus Status, bool IsUrgent, DateTime? FirstContactedAt, string? Owner);

/// <summary>The CSV export of the inbox: one table of columns, each a header and how its cell is written.</summary>
public static class RequestExport
{
    private static readonly (string Header, Func<ExportRow, ClinicClock, string?> Cell)[] _columns =
    [
        ("Reference", (r, _) => r.Reference),
        ("Received", (r, clock) => clock.Format(r.CreatedAt)),
        ("FirstName", (r, _) => r.FirstName),
        ("LastName", (r, _) => r.LastName),
        ("Email", (r, _) => r.Email),
        ("Phone", (r, _) => r.Phone),
        ("PreferredContact", (r, _) => r.PreferredContact.Label()),
        ("State", (r, _) => r.State),
        ("BestTimeToReach", (r, _) => r.BestTimeToReach),
        ("HeardAboutUs", (r, _) => r.HeardAboutUs),
        ("Status", (r, _) => r.Status.Label()),
        ("Urgent", (r, _) => r.IsUrgent ? "yes" : "no"),
        ("FirstContacted", (r, clock) => r.FirstContactedAt is null ? "" : clock.Format(r.FirstContactedAt)),
        ("Owner", (r, _) => r.Owner),
    ];

    public static IQueryable<ExportRow> Rows(IQueryable<ConsultationRequest> requests) =>
        requests.Select(r => new ExportRow(
            r.Reference, r.CreatedAt, r.FirstName, r.LastName, r.Email, r.Phone, r.PreferredContact, r.State,
            r.BestTimeToReach, r.HeardAboutUs, r.Status, r.IsUrgent, r.FirstContactedAt, r.AssignedToName));

    /// <summary>
    /// UTF-8 with a byte-order mark (so spreadsheets read accents). Every cell is guarded against formulas and every
    /// field is quoted, so a spreadsheet that splits on another separator (";" or tab, as many locales do) still
    /// cannot cut a cell in two and start the second half with "=".
    /// </summary>
    public static async Task<byte[]> ToCsvAsync(IReadOnlyList<ExportRow> rows, ClinicClock clock)
    {
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { ShouldQuote = _ => true };
        await using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var (header, _) in _columns)
            {
                csv.WriteField(header);
            }

            await csv.NextRecordAsync();
            foreach (var row in rows)
            {
                foreach (var (_, cell) in _columns)
                {
                    csv.WriteField(CsvCell.Neutralise(cell(row, clock)));
                }

                await csv.NextRecordAsync();
            }
        }

        return [.. new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
