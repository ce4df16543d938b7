using KetamineClinic.Data.Entities;
using KetamineClinic.IntegrationTests.Infrastructure;

namespace KetamineClinic.IntegrationTests.Consultation;

public sealed class ClinicalDetailsOptionTests : IDisposable
{
    private readonly ConsultationAppFactory _factory = new();

    public ClinicalDetailsOptionTests()
    {
        _factory.Settings["Email:IncludeClinicalDetails"] = "true";
        _factory.Settings["Clinic:BaseUrl"] = "https://clinic.example";
    }

    [Fact]
    public async Task With_the_option_on_the_staff_email_includes_the_clinical_details_and_links_to_the_base_url()
    {
        using var client = _factory.CreateBrowser();
        var fields = ConsultationFormPoster.ValidFields("I would like help with panic & worry");
        fields["Concerns"] = "ptsd";

        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(fields));

        var staff = (await PickupMail.SentForAsync(_factory, reference))[EmailKind.StaffNotification];
        Assert.Contains("panic & worry", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("panic &amp; worry", staff.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("PTSD", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://clinic.example/staff/requests/", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("Name: Avery Quinn", staff.TextBody, StringComparison.Ordinal);
        Assert.Contains("Preferred contact: Text message", staff.TextBody, StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
