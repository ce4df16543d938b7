using KetamineClinic.IntegrationTests.Infrastructure;
using KetamineClinic.Web.Features.Booking;

namespace KetamineClinic.IntegrationTests.Foundation;

public sealed class NextStepsTests(ConsultationAppFactory factory) : IClassFixture<ConsultationAppFactory>
{
    [Fact]
    public async Task The_confirmation_after_booking_says_what_happens_next_in_the_configured_numbered_steps()
    {
        factory.Settings["Clinic:NextSteps:0"] = "We phone you.";
        factory.Settings["Clinic:NextSteps:1"] = "You meet the psychiatrist.";
        factory.Settings["Clinic:NextSteps:2"] = "You agree on a plan.";
        factory.Settings["Clinic:NextSteps:3"] = "You come for your first session.";
        using var client = factory.CreateBrowser();
        var reference = ConsultationFormPoster.ReferenceFrom(await client.SubmitAsync(ConsultationFormPoster.ValidFields()));
        var page = await client.GetDocumentAsync(BookingRoutes.Received(reference));
        using var _ = await client.ChooseAsync(page, CallBookingPoster.OfferedStarts(page)[0]);

        var confirmation = await client.GetDocumentAsync(BookingRoutes.Call(reference));

        var section = confirmation.QuerySelector("section.next-steps")!;
        Assert.Equal("What happens next", confirmation.GetElementById(section.GetAttribute("aria-labelledby")!)!.TextContent);
        Assert.Equal(["We phone you.", "You meet the psychiatrist.", "You agree on a plan.", "You come for your first session."], section.QuerySelectorAll("ol > li").Select(li => li.TextContent));
    }
}
