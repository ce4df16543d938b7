using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Infrastructure;

/// <summary>Fills the consultation form as a visitor would: by the labels on screen.</summary>
public static class ConsultationPage
{
    public static ILocator SendButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Send my request" });

    public static async Task FillRequiredFieldsAsync(IPage page, string lastName = "Lovelace")
    {
        await page.GetByLabel("First name").FillAsync("Ada");
        await page.GetByLabel("Last name").FillAsync(lastName);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Email", Exact = true }).FillAsync("ada@example.com");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Phone", Exact = true }).FillAsync("(312) 555-0147");
        await page.GetByRole(AriaRole.Group, new() { Name = "Preferred contact method" }).GetByLabel("Email").CheckAsync();
        await page.GetByLabel("State").SelectOptionAsync(new SelectOptionValue { Label = "Illinois" });
        await page.GetByLabel("What would you like help with?").FillAsync("Anxiety that has not eased with two medicines.");
        await page.GetByLabel("I agree to be contacted").CheckAsync();
        await page.GetByLabel("I am 18 or older.").CheckAsync();
    }

    /// <summary>Fills and sends a valid request; returns the reference shown on the confirmation page.</summary>
    public static async Task<string> SubmitValidRequestAsync(IPage page, string lastName = "Lovelace")
    {
        await page.GotoAsync("/consultation");
        await FillRequiredFieldsAsync(page, lastName);
        await SendButton(page).ClickAsync();
        var reference = page.GetByTestId("reference");
        await Assertions.Expect(reference).ToBeVisibleAsync();
        return (await reference.TextContentAsync())!.Trim();
    }
}
