using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EncryptBestTimeAndHeardAboutUs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "HeardAboutUs",
                table: "ConsultationRequests",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "BestTimeToReach",
                table: "ConsultationRequests",
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200,
                oldNullable: true);

            // Every value stored so far is clear text. Mark it, so the app's start-up step (PlainTextUpgrade) can tell it
            // from ciphertext and encrypt it with the Data Protection keys, which SQL cannot reach.
            migrationBuilder.Sql("UPDATE [ConsultationRequests] SET [BestTimeToReach] = N'plain:' + [BestTimeToReach] WHERE [BestTimeToReach] IS NOT NULL;");
            migrationBuilder.Sql("UPDATE [ConsultationRequests] SET [HeardAboutUs] = N'plain:' + [HeardAboutUs] WHERE [HeardAboutUs] IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Not reversible once the app has encrypted the values: ciphertext does not fit 200 characters.
            migrationBuilder.AlterColumn<string>(
                name: "HeardAboutUs",
                table: "ConsultationRequests",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "BestTimeToReach",
                table: "ConsultationRequests",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);
        }
    }
}
