using KetamineClinic.Testing;
using Microsoft.Data.Sqlite;

namespace KetamineClinic.IntegrationTests.Foundation;

/// <summary>Start-up against a database it cannot use: the built app as a real process.</summary>
public sealed class StartUpTests
{
    [Fact]
    public async Task A_database_locked_by_another_process_stops_start_up_with_one_line_that_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("clinic-locked-");
        try
        {
            await using var holder = new SqliteConnection($"Data Source={Path.Combine(directory.FullName, "clinic.db")};Pooling=False");
            await holder.OpenAsync();
            await using (var command = holder.CreateCommand())
            {
                // Another process holding the write lock, as a second instance or a backup tool in a transaction would.
                command.CommandText = "CREATE TABLE IF NOT EXISTS held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);";
                await command.ExecuteNonQueryAsync();
            }

            var (exitCode, _, stderr) = await AppCommand.RunAsync(directory.FullName, []);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Configuration error: ConnectionStrings:Clinic: the SQLite database", line, StringComparison.Ordinal);
            Assert.Contains("is locked by another process", line, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
