using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Booking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConsultationCallId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManageToken",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AvailabilitySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    WeeklyHours = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CallMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CallsAtOnce = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumNoticeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedDates = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilitySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CalendarUid = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ManageTokenHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ManageTokenExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationCalls_ConsultationRequests_ConsultationRequestId",
                        column: x => x.ConsultationRequestId,
                        principalTable: "ConsultationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ConsultationCallId",
                table: "OutboxMessages",
                column: "ConsultationCallId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationCalls_ConsultationRequestId",
                table: "ConsultationCalls",
                column: "ConsultationRequestId",
                unique: true,
                filter: "CancelledAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationCalls_ManageTokenHash",
                table: "ConsultationCalls",
                column: "ManageTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationCalls_StartsAt_Seat",
                table: "ConsultationCalls",
                columns: new[] { "StartsAt", "Seat" },
                unique: true,
                filter: "CancelledAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilitySettings");

            migrationBuilder.DropTable(
                name: "ConsultationCalls");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ConsultationCallId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ConsultationCallId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ManageToken",
                table: "OutboxMessages");
        }
    }
}
