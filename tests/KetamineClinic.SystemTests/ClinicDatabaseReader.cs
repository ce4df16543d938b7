using Microsoft.Data.Sqlite;

namespace KetamineClinic.SystemTests;

/// <summary>Reads an app's SQLite file read-only, the way an operator would look at it, without going through the app.</summary>
public static class ClinicDatabaseReader
{
    public static async Task<HashSet<string>> ReferencesAsync(string databasePath) =>
        [.. await QueryAsync(databasePath, "SELECT Reference FROM ConsultationRequests", r => r.GetString(0))];

    /// <summary>Outbox rows not yet sent (pending or failed).</summary>
    public static async Task<int> UnsentEmailsAsync(string databasePath) =>
        (await QueryAsync(databasePath, "SELECT COUNT(*) FROM OutboxMessages WHERE Status <> 'Sent'", r => r.GetInt32(0)))[0];

    /// <summary>Outbox rows that have had at least one failed attempt and are still unsent.</summary>
    public static async Task<int> EmailsThatFailedAnAttemptAsync(string databasePath) =>
        (await QueryAsync(databasePath, "SELECT COUNT(*) FROM OutboxMessages WHERE Attempts > 0 AND Status <> 'Sent'", r => r.GetInt32(0)))[0];

    /// <summary>When each sent email was recorded as sent (UTC), by Message-Id.</summary>
    public static async Task<Dictionary<string, DateTime>> SentAtByMessageIdAsync(string databasePath) =>
        (await QueryAsync(databasePath, "SELECT MessageId, SentAt FROM OutboxMessages WHERE Status = 'Sent'",
            r => (Id: r.GetString(0), SentAt: DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc))))
        .ToDictionary(row => row.Id, row => row.SentAt);

    public static async Task<int> EmailRowsAsync(string databasePath) =>
        (await QueryAsync(databasePath, "SELECT COUNT(*) FROM OutboxMessages", r => r.GetInt32(0)))[0];

    private static async Task<List<T>> QueryAsync<T>(string databasePath, string sql, Func<SqliteDataReader, T> read)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
