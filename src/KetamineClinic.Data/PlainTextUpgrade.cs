using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace KetamineClinic.Data;

/// <summary>
/// Encrypts free-text values that a migration found in clear text and marked with <see cref="Marker"/> (SQL cannot
/// reach the Data Protection keys). Runs at every start; once nothing is marked it costs one query per column.
/// Each row is written only if it still holds the marked value, so instances starting together never encrypt twice.
/// </summary>
public static class PlainTextUpgrade
{
    public const string Marker = "plain:";

    // Column names are fixed here, never taken from input.
    private static readonly string[] _columns = ["BestTimeToReach", "HeardAboutUs"];

    public static async Task<int> EncryptMarkedValuesAsync(ClinicDbContext db, IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(protection);
        var protector = protection.CreateProtector(PersonalDataProtector.Purpose);
        var encrypted = 0;
        foreach (var column in _columns)
        {
#pragma warning disable EF1002 // The column name is one of the constants above; the values are parameters.
            var marked = await db.Database
                .SqlQueryRaw<MarkedValue>($"SELECT Id, {column} AS Value FROM ConsultationRequests WHERE {column} LIKE '{Marker}%'")
                .ToListAsync(cancellationToken);
            foreach (var row in marked)
            {
                var cipher = protector.Protect(row.Value[Marker.Length..]);
                encrypted += await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE ConsultationRequests SET {column} = {{0}} WHERE Id = {{1}} AND {column} = {{2}}",
                    [cipher, row.Id, row.Value],
                    cancellationToken);
            }
#pragma warning restore EF1002
        }

        return encrypted;
    }

    private sealed record MarkedValue(int Id, string Value);
}
