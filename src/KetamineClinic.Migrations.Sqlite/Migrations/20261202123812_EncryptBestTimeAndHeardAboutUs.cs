using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EncryptBestTimeAndHeardAboutUs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every value stored so far is clear text. Mark it, so the app's start-up step (PlainTextUpgrade) can tell it
            // from ciphertext and encrypt it with the Data Protection keys, which SQL cannot reach.
            migrationBuilder.Sql("UPDATE \"ConsultationRequests\" SET \"BestTimeToReach\" = 'plain:' || \"BestTimeToReach\" WHERE \"BestTimeToReach\" IS NOT NULL;");
            migrationBuilder.Sql("UPDATE \"ConsultationRequests\" SET \"HeardAboutUs\" = 'plain:' || \"HeardAboutUs\" WHERE \"HeardAboutUs\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Not reversible once the app has encrypted the values.
        }
    }
}
