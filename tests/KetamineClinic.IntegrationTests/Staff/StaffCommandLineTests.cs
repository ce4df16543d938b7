using KetamineClinic.Testing;
using KetamineClinic.Web.Features.Staff.Users;
using Microsoft.Data.Sqlite;

namespace KetamineClinic.IntegrationTests.Staff;

/// <summary>Runs <c>staff …</c> commands through the built application, as a real process on a temp database.</summary>
public sealed class StaffCommandLineTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clinic-cli-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Create_list_reset_and_disable_work_end_to_end()
    {
        var created = await RunAsync("long enough password", "staff", "create", "--email", "ada@clinic.example", "--role", "Admin", "--password-stdin");
        Assert.Equal((StaffCommandLine.Ok, ""), (created.ExitCode, created.Stderr));

        var list = await RunAsync(null, "staff", "list");
        Assert.Equal(StaffCommandLine.Ok, list.ExitCode);
        Assert.Contains("ada@clinic.example\tAdmin\tactive", list.Stdout, StringComparison.Ordinal);

        var reset = await RunAsync("another long password", "staff", "reset-password", "--email", "ada@clinic.example", "--password-stdin");
        Assert.Equal(StaffCommandLine.Ok, reset.ExitCode);

        var disabled = await RunAsync(null, "staff", "disable", "--email", "ada@clinic.example");
        Assert.Equal(StaffCommandLine.Ok, disabled.ExitCode);
        Assert.Contains("ada@clinic.example\tAdmin\tdisabled", (await RunAsync(null, "staff", "list")).Stdout, StringComparison.Ordinal);

        Assert.Equal(
            ["account.created cli", "account.password-reset cli", "account.disabled cli"],
            await ReadAuditAsync());
    }

    [Theory]
    [InlineData(StaffCommandLine.InvalidInput, "email address is not valid", "long enough password", "--email", "not-an-email", "--role", "Staff")]
    [InlineData(StaffCommandLine.InvalidInput, "at least 12 characters", "short", "--email", "bo@clinic.example", "--role", "Staff")]
    [InlineData(StaffCommandLine.InvalidInput, "Unknown role 'Doctor'", "long enough password", "--email", "bo@clinic.example", "--role", "Doctor")]
    [InlineData(StaffCommandLine.UsageError, "usage:", "long enough password", "--email", "bo@clinic.example")]
    public async Task Create_refuses_bad_input_with_one_line_and_a_non_zero_exit(int exitCode, string message, string password, params string[] options)
    {
        var result = await RunAsync(password, ["staff", "create", .. options, "--password-stdin"]);

        Assert.Equal(exitCode, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_and_unknown_accounts_are_reported()
    {
        Assert.Equal(StaffCommandLine.Ok, (await RunAsync("long enough password", "staff", "create", "--email", "cy@clinic.example", "--role", "Staff", "--password-stdin")).ExitCode);

        var again = await RunAsync("long enough password", "staff", "create", "--email", "cy@clinic.example", "--role", "Staff", "--password-stdin");
        var unknown = await RunAsync(null, "staff", "disable", "--email", "nobody@clinic.example");
        var unknownReset = await RunAsync("long enough password", "staff", "reset-password", "--email", "nobody@clinic.example", "--password-stdin");

        Assert.Equal(StaffCommandLine.AlreadyExists, again.ExitCode);
        Assert.Contains("already exists", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(StaffCommandLine.NotFound, unknown.ExitCode);
        Assert.Equal(StaffCommandLine.NotFound, unknownReset.ExitCode);
    }

    private async Task<List<string>> ReadAuditAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Action || ' ' || ActorName FROM AuditEntries ORDER BY Id";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args) =>
        AppCommand.RunAsync(_directory.FullName, args, stdin);
}
