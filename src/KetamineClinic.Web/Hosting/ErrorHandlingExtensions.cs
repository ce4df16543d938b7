namespace KetamineClinic.Web.Hosting;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// Friendly pages for errors and status codes. Outside Development an exception shows the error
    /// page with the clinic's phone number and never a stack trace.
    /// </summary>
    public static WebApplication UseClinicErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
