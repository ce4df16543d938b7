namespace KetamineClinic.Web.Features.Staff.Users;

/// <summary>
/// <c>staff create|list|disable|reset-password|reset-2fa</c>: account administration from the same executable
/// and configuration as the site. Passwords are read from standard input only, never from arguments,
/// so they do not end up in shell history or process listings.
/// </summary>
public static class StaffCommandLine
{
    public const int Ok = 0;
    public const int UsageError = 2;
    public const int InvalidInput = 3;
    public const int AlreadyExists = 4;
    public const int NotFound = 5;

    private const string Usage =
        "usage: staff create --email E --role Admin|Staff --password-stdin [--name N] | staff list | " +
        "staff disable --email E | staff reset-password --email E --password-stdin | staff reset-2fa --email E";

    public static bool IsStaffCommand(string[] args) => args is ["staff", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args.Skip(2));
        if (options is null || args.Length < 2)
        {
            await error.WriteLineAsync(Usage);
            return UsageError;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var cancellationToken = app.Lifetime.ApplicationStopping;
        options.TryGetValue("email", out var email);

        AccountResult result;
        switch (args[1])
        {
            case "create" when options.ContainsKey("password-stdin") && email is not null && options.ContainsKey("role"):
                result = await accounts.CreateAsync(email, options["role"], await input.ReadLineAsync(cancellationToken),
                    options.GetValueOrDefault("name"), AuditActor.Cli, cancellationToken);
                break;
            case "reset-password" when options.ContainsKey("password-stdin") && email is not null:
                result = await accounts.ResetPasswordAsync(email, await input.ReadLineAsync(cancellationToken), AuditActor.Cli, cancellationToken);
                break;
            case "reset-2fa" when email is not null && options.Count == 1:
                result = await accounts.ResetTwoFactorAsync(email, AuditActor.Cli, cancellationToken);
                break;
            case "disable" when email is not null:
                result = await accounts.DisableAsync(email, AuditActor.Cli, cancellationToken);
                break;
            case "list" when options.Count == 0:
                foreach (var account in await accounts.ListAsync(cancellationToken))
                {
                    var state = account.IsDisabled ? "disabled" : account.IsLockedOut ? "locked-out" : "active";
                    var factor = account.HasAuthenticator ? "authenticator" : "no-second-factor";
                    await output.WriteLineAsync($"{account.Email}\t{account.Role}\t{state}\t{account.CreatedAt:yyyy-MM-dd}\t{factor}");
                }

                return Ok;
            default:
                await error.WriteLineAsync(Usage);
                return UsageError;
        }

        if (result.Succeeded)
        {
            await output.WriteLineAsync($"staff {args[1]}: done.");
            return Ok;
        }

        await error.WriteLineAsync($"staff {args[1]}: {string.Join(" ", result.Errors)}");
        return result.Outcome switch
        {
            AccountOutcome.AlreadyExists => AlreadyExists,
            AccountOutcome.NotFound => NotFound,
            _ => InvalidInput,
        };
    }

    /// <summary>Reads <c>--name value</c> pairs; <c>--password-stdin</c> is a flag. Null on anything unexpected.</summary>
    private static Dictionary<string, string>? ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (name == "--password-stdin")
            {
                options["password-stdin"] = "";
            }
            else if (name is "--email" or "--role" or "--name" && e.MoveNext())
            {
                options[name[2..]] = e.Current;
            }
            else
            {
                return null;
            }
        }

        return options;
    }
}
