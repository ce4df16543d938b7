using KetamineClinic.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KetamineClinic.Migrations.Sqlite;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new ClinicDbContext(options.Options, PersonalDataProtector.DesignTime);
    }
}
