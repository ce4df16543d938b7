using System.Globalization;
using Microsoft.Extensions.Options;

namespace KetamineClinic.Web.Clinic;

/// <summary>What care costs, shown on <c>/costs</c> and in a sentence on the home page. Bound from <c>Clinic:Costs</c>.</summary>
public sealed class ClinicCostsOptions
{
    public const string Section = "Clinic:Costs";

    /// <summary>The consultation fee in US dollars; 0 when the first consultation is free.</summary>
    public decimal ConsultationFee { get; set; }

    /// <summary>The price of one ketamine session in US dollars.</summary>
    public decimal SessionPrice { get; set; }

    /// <summary>What insurance may cover, one item a line (the evaluation, therapy, sometimes esketamine).</summary>
    public List<string> InsuranceMayCover { get; set; } = [];

    public string Superbills { get; set; } = "";
    public string HsaFsa { get; set; } = "";
    public string PaymentPlans { get; set; } = "";

    /// <summary>Shown above the prices while they are samples, e.g. "These are sample prices for a fictional clinic."</summary>
    public string Note { get; set; } = "";

    public static string Dollars(decimal amount) => amount.ToString(amount % 1 == 0 ? "C0" : "C2", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>The first series at the clinic's usual number of sessions (<c>Clinic:Course:Sessions</c>).</summary>
    public decimal TypicalCourse(TreatmentCourseOptions course) => course.Sessions * SessionPrice;
}

public sealed class ClinicCostsOptionsValidator : IValidateOptions<ClinicCostsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicCostsOptions options)
    {
        var failures = new List<string>();
        if (options.ConsultationFee is < 0 or > 10_000)
        {
            failures.Add($"{ClinicCostsOptions.Section}:ConsultationFee must be between 0 and 10000 US dollars, but is {options.ConsultationFee}.");
        }

        if (options.SessionPrice is <= 0 or > 10_000)
        {
            failures.Add($"{ClinicCostsOptions.Section}:SessionPrice must be between 1 and 10000 US dollars, but is {options.SessionPrice}.");
        }

        if (options.InsuranceMayCover.Count == 0 || options.InsuranceMayCover.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{ClinicCostsOptions.Section}:InsuranceMayCover needs at least one line, and no empty one.");
        }

        foreach (var (value, key) in new[] { (options.Superbills, nameof(options.Superbills)), (options.HsaFsa, nameof(options.HsaFsa)), (options.PaymentPlans, nameof(options.PaymentPlans)) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{ClinicCostsOptions.Section}:{key} is required.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
