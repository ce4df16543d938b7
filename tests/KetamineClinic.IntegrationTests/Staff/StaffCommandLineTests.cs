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

    [Fact]
    public async Task Reset_2fa_removes_the_second_factor_ends_the_sessions_and_is_audited()
    {
        Assert.Equal(StaffCommandLine.Ok, (await RunAsync("long enough password", "staff", "create", "--email", "di@clinic.example", "--role", "Staff", "--password-stdin")).ExitCode);
        // As the set-up page leaves an account: a key, recovery codes, the factor on.
        await ExecuteAsync("""
            UPDATE AspNetUsers SET TwoFactorEnabled = 1, SecurityStamp = 'before';
            INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) SELECT Id, '[AspNetUserStore]', 'AuthenticatorKey', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567' FROM AspNetUsers;
            INSERT INTO AspNetUserTokens (UserId, LoginProvider, Name, Value) SELECT Id, '[AspNetUserStore]', 'RecoveryCodes', 'AAAAA-BBBBB;CCCCC-DDDDD' FROM AspNetUsers;
            """);
        var listed = (await RunAsync(null, "staff", "list")).Stdout.Trim();
        Assert.StartsWith("di@clinic.example\tStaff\tactive", listed, StringComparison.Ordinal);
        Assert.EndsWith("\tauthenticator", listed, StringComparison.Ordinal);

        var reset = await RunAsync(null, "staff", "reset-2fa", "--email", "di@clinic.example");
        var unknown = await RunAsync(null, "staff", "reset-2fa", "--email", "nobody@clinic.example");

        Assert.Equal((StaffCommandLine.Ok, ""), (reset.ExitCode, reset.Stderr));
        Assert.Equal(StaffCommandLine.NotFound, unknown.ExitCode);
        Assert.EndsWith("\tno-second-factor", (await RunAsync(null, "staff", "list")).Stdout.Trim(), StringComparison.Ordinal);
        Assert.NotEqual("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", await ScalarAsync("SELECT Value FROM AspNetUserTokens WHERE Name = 'AuthenticatorKey'"));
        Assert.Equal("", await ScalarAsync("SELECT COALESCE(Value, '') FROM AspNetUserTokens WHERE Name = 'RecoveryCodes'"));
        Assert.NotEqual("before", await ScalarAsync("SELECT SecurityStamp FROM AspNetUsers"));
        Assert.Equal("account.two-factor-reset cli", (await ReadAuditAsync())[^1]);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync()) as string;
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
