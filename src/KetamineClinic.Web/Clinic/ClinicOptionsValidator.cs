using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

/// <summary>Checks the <c>Clinic</c> section at start-up; each failure names its full configuration key.</summary>
/// <param name="webRoot">wwwroot's full path: configured photos must be files in it.</param>
public sealed class ClinicOptionsValidator(string webRoot) : IValidateOptions<ClinicOptions>
{
    private const int MaxNextSteps = 8;
    private const int MaxNextStepLength = 300;

    public ValidateOptionsResult Validate(string? name, ClinicOptions options)
    {
        var failures = new List<string>();
        void Require(string value, string key)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{ClinicOptions.Section}:{key} is required.");
            }
        }

        Require(options.Name, nameof(options.Name));
        Require(options.Phone, nameof(options.Phone));
        Require(options.Email, nameof(options.Email));
        Require(options.FirstResponseTime, nameof(options.FirstResponseTime));
        Require(options.Address.Street, "Address:Street");
        Require(options.Address.City, "Address:City");

        Require(options.Trust.LicensedIn, "Trust:LicensedIn");
        Require(options.Trust.CareLedBy, "Trust:CareLedBy");
        Require(options.Trust.Monitoring, "Trust:Monitoring");
        Require(options.Photos.TreatmentRoomDescription, "Photos:TreatmentRoomDescription");
        if (WebRootFile.Problem(webRoot, options.Photos.TreatmentRoom) is { } photoProblem)
        {
            failures.Add($"{ClinicOptions.Section}:Photos:TreatmentRoom {photoProblem}");
        }

        failures.AddRange(TeamValidation.Problems(options.Team, webRoot));
        if (options.NextSteps.Count is 0 or > MaxNextSteps)
        {
            failures.Add($"{ClinicOptions.Section}:NextSteps needs 1 to {MaxNextSteps} steps, but has {options.NextSteps.Count}.");
        }

        for (var i = 0; i < options.NextSteps.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.NextSteps[i]) || options.NextSteps[i].Length > MaxNextStepLength)
            {
                failures.Add($"{ClinicOptions.Section}:NextSteps:{i} must be a step of 1 to {MaxNextStepLength} characters.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Phone) && !PhoneNumber.TryNormalizeUs(options.Phone, out _))
        {
            failures.Add($"{ClinicOptions.Section}:Phone '{options.Phone}' is not a valid US phone number.");
        }

        if (!string.IsNullOrWhiteSpace(options.Email) && !EmailAddress.IsValid(options.Email))
        {
            failures.Add($"{ClinicOptions.Section}:Email '{options.Email}' is not a valid email address.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{ClinicOptions.Section}:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (!string.IsNullOrEmpty(options.BaseUrl)
            && !(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add($"{ClinicOptions.Section}:BaseUrl '{options.BaseUrl}' must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
