using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KetamineClinic.Migrations.SqlServer.Migrations
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ManageToken",
                table: "OutboxMessages",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AvailabilitySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    WeeklyHours = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CallMinutes = table.Column<int>(type: "int", nullable: false),
                    CallsAtOnce = table.Column<int>(type: "int", nullable: false),
                    DaysAhead = table.Column<int>(type: "int", nullable: false),
                    MinimumNoticeMinutes = table.Column<int>(type: "int", nullable: false),
                    ClosedDates = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilitySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConsultationRequestId = table.Column<int>(type: "int", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Seat = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CalendarUid = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    ManageTokenHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    ManageTokenExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
