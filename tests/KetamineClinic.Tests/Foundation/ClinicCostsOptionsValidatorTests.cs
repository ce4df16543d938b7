using KetamineClinic.Web.Clinic;

namespace KetamineClinic.Tests.Foundation;

public sealed class ClinicCostsOptionsValidatorTests
{
    private static ClinicCostsOptions Valid() => new()
    {
        ConsultationFee = 200,
        SessionPrice = 450,
        InsuranceMayCover = ["The evaluation."],
        Superbills = "We give you a superbill.",
        HsaFsa = "HSA and FSA cards work.",
        PaymentPlans = "Monthly installments.",
    };

    private static List<string> Failures(ClinicCostsOptions options) =>
        new ClinicCostsOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Complete_costs_pass() => Assert.Empty(Failures(Valid()));

    [Fact]
    public void A_session_without_a_price_names_its_key()
    {
        var options = Valid();
        options.SessionPrice = 0;
        Assert.Equal("Clinic:Costs:SessionPrice must be between 1 and 10000 US dollars, but is 0.", Assert.Single(Failures(options)));
    }

    [Fact]
    public void Missing_payment_facts_list_every_key()
    {
        var failures = Failures(new ClinicCostsOptions { SessionPrice = 100 });
        Assert.Equal(
            ["Clinic:Costs:InsuranceMayCover needs at least one line, and no empty one.", "Clinic:Costs:Superbills is required.", "Clinic:Costs:HsaFsa is required.", "Clinic:Costs:PaymentPlans is required."],
            failures);
    }

    [Fact]
    public void A_typical_course_is_the_clinics_usual_sessions_at_the_session_price() =>
        Assert.Equal(2700m, Valid().TypicalCourse(new TreatmentCourseOptions { Sessions = 6 }));
}
