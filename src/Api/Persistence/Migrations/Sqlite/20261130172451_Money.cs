using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Money : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CardBrand",
                table: "Tenders",
                type: "TEXT",
                maxLength: 32,
                nullable: true)
                .Annotation("Relational:ColumnOrder", 16);

            migrationBuilder.AddColumn<string>(
                name: "CardLast4",
                table: "Tenders",
                type: "TEXT",
                maxLength: 4,
                nullable: true)
                .Annotation("Relational:ColumnOrder", 17);

            migrationBuilder.AddColumn<decimal>(
                name: "ServiceChargeRate",
                table: "Orders",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: true)
                .Annotation("Relational:ColumnOrder", 9);

            // SQLite appends an added column to the table's CREATE statement as ", column": a database built from the
            // model would read otherwise (SchemaTests). Altering the new columns in place makes EF Core rebuild both
            // tables in the model's column order; CompactAfterMoney then gives the old pages back.
            migrationBuilder.AlterColumn<decimal>(
                name: "ServiceChargeRate",
                table: "Orders",
                type: "TEXT",
                precision: 5,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 5,
                oldScale: 4,
                oldNullable: true)
                .Annotation("Relational:ColumnOrder", 9);

            migrationBuilder.AlterColumn<string>(
                name: "CardLast4",
                table: "Tenders",
                type: "TEXT",
                maxLength: 4,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 4,
                oldNullable: true)
                .Annotation("Relational:ColumnOrder", 17);

            migrationBuilder.CreateTable(
                name: "Discounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Audit = table.Column<string>(type: "TEXT", nullable: false),
                    RemovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Discounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Discounts_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrderId = table.Column<string>(type: "TEXT", nullable: false),
                    TenderId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Audit = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GatewayKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    GatewayRefundId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Refunds_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Discounts_OrderId",
                table: "Discounts",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_GatewayKey",
                table: "Refunds",
                column: "GatewayKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_OrderId",
                table: "Refunds",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_Status",
                table: "Refunds",
                column: "Status",
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Discounts");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropColumn(
                name: "CardBrand",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "CardLast4",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "ServiceChargeRate",
                table: "Orders");
        }
    }
}
