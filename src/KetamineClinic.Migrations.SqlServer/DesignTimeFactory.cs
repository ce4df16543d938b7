using KetamineClinic.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineClinic.Migrations.SqlServer;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args)
    {
        // No server is contacted at design time; the connection string only selects the provider.
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=KetamineClinic;Integrated Security=true;TrustServerCertificate=true");
        return new ClinicDbContext(options.Options, PersonalDataProtector.DesignTime);
    }
}
