using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Restaurant.Api.Persistence;

namespace Restaurant.Api.Tests.Schema.Legacy;

/// <summary>The hand-written SQLite migration that added tenders; see <see cref="SqliteInitial"/>.</summary>
[DbContext(typeof(RestaurantDbContext))]
[Migration("20261122000000_Payments")]
public sealed class SqlitePayments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            CREATE TABLE "Tenders" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_Tenders" PRIMARY KEY,
                "AttemptId" TEXT NOT NULL,
                "Index" INTEGER NOT NULL,
                "Method" TEXT NOT NULL,
                "Amount" INTEGER NOT NULL,
                "Tip" INTEGER NOT NULL,
                "Currency" TEXT NOT NULL,
                "CardToken" TEXT NULL,
                "GatewayKey" TEXT NULL,
                "Status" TEXT NOT NULL,
                "DeclineCode" TEXT NULL,
                "Message" TEXT NULL,
                "PaymentId" TEXT NULL,
                "CreatedAt" INTEGER NOT NULL,
                "OrderId" TEXT NOT NULL,
                CONSTRAINT "FK_Tenders_Orders_OrderId" FOREIGN KEY ("OrderId") REFERENCES "Orders" ("Id") ON DELETE CASCADE
            );

            CREATE UNIQUE INDEX "IX_Tenders_GatewayKey" ON "Tenders" ("GatewayKey");

            CREATE UNIQUE INDEX "IX_Tenders_OrderId_AttemptId_Index" ON "Tenders" ("OrderId", "AttemptId", "Index");

            CREATE INDEX "IX_Tenders_Status" ON "Tenders" ("Status") WHERE "Status" = 'Pending';
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""DROP TABLE "Tenders";""");
}
