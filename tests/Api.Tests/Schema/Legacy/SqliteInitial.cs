using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Schema.Legacy;

/// <summary>
/// The hand-written SQLite migration the API shipped until `dotnet ef` made them (its generated successor has the same
/// id), kept unchanged to build databases as that API left them, for <see cref="SchemaUpgradeTests"/>.
/// </summary>
[DbContext(typeof(RestaurantDbContext))]
[Migration("20261121000000_Initial")]
public sealed class SqliteInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            CREATE TABLE "IdempotencyRecords" (
                "Caller" TEXT NOT NULL,
                "KeyHash" TEXT NOT NULL,
                "Fingerprint" TEXT NOT NULL,
                "ExpiresAt" INTEGER NOT NULL,
                "LeaseId" TEXT NULL,
                "LeaseExpiresAt" INTEGER NULL,
                "StatusCode" INTEGER NULL,
                "ContentType" TEXT NULL,
                "Location" TEXT NULL,
                "Body" BLOB NULL,
                CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("Caller", "KeyHash")
            );

            CREATE TABLE "Menus" (
                "Version" INTEGER NOT NULL CONSTRAINT "PK_Menus" PRIMARY KEY,
                "EffectiveFrom" INTEGER NOT NULL,
                "Revision" INTEGER NOT NULL,
                "Document" TEXT NOT NULL
            );

            CREATE TABLE "Orders" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Orders" PRIMARY KEY,
                "Table" TEXT NOT NULL,
                "Guests" INTEGER NULL,
                "Status" TEXT NOT NULL,
                "CreatedAt" INTEGER NOT NULL,
                "AccessTokenHash" TEXT NOT NULL,
                "Version" INTEGER NOT NULL,
                "Bill" TEXT NULL,
                "Paid" INTEGER NOT NULL
            );

            CREATE TABLE "OrderLines" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_OrderLines" PRIMARY KEY,
                "Position" INTEGER NOT NULL,
                "MenuItemId" TEXT NOT NULL,
                "Name" TEXT NOT NULL,
                "Quantity" INTEGER NOT NULL,
                "UnitPrice" INTEGER NOT NULL,
                "Diner" TEXT NULL,
                "Note" TEXT NULL,
                "TicketNumber" INTEGER NULL,
                "OrderId" TEXT NOT NULL,
                CONSTRAINT "FK_OrderLines_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
            );

            CREATE TABLE "Tickets" (
                "Sequence" INTEGER NOT NULL CONSTRAINT "PK_Tickets" PRIMARY KEY AUTOINCREMENT,
                "Number" INTEGER NOT NULL,
                "SubmittedAt" INTEGER NOT NULL,
                "OrderId" TEXT NOT NULL,
                CONSTRAINT "FK_Tickets_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
            );

            CREATE INDEX "IX_IdempotencyRecords_ExpiresAt" ON "IdempotencyRecords" ("ExpiresAt");

            CREATE INDEX "IX_Menus_EffectiveFrom" ON "Menus" ("EffectiveFrom");

            CREATE UNIQUE INDEX "IX_OrderLines_OrderId_Position" ON "OrderLines" ("OrderId", "Position");

            CREATE INDEX "IX_OrderLines_OrderId_TicketNumber" ON "OrderLines" ("OrderId", "TicketNumber");

            CREATE UNIQUE INDEX "IX_Orders_AccessTokenHash" ON "Orders" ("AccessTokenHash");

            CREATE INDEX "IX_Orders_CreatedAt" ON "Orders" ("CreatedAt");

            CREATE INDEX "IX_Orders_Status_CreatedAt" ON "Orders" ("Status", "CreatedAt");

            CREATE UNIQUE INDEX "IX_Orders_Table" ON "Orders" ("Table") WHERE "Status" <> 'Paid';

            CREATE UNIQUE INDEX "IX_Tickets_OrderId_Number" ON "Tickets" ("OrderId", "Number");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            DROP TABLE "Tickets";
            DROP TABLE "OrderLines";
            DROP TABLE "Orders";
            DROP TABLE "Menus";
            DROP TABLE "IdempotencyRecords";
            """);
    }
}
