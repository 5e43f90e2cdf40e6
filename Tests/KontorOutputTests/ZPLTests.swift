import Foundation
import KontorOutput
import Testing

@Suite struct ZPLTests {
    private let label = ShippingLabel(
        sender: ["Teehaus Nord GmbH", "Hafenstraße 3", "20457 Hamburg"],
        recipient: ["Erika ^Mustermann~", "Hauptstraße 5", "10115 Berlin"],
        weightGrams: 2400, orderNumber: "A_1042", invoiceNumber: nil,
        parcel: 2, parcels: 2, shipmentReference: "SH>2026^1", sscc: SSCC("340123450000000017"),
        carrier: "DHL", service: "Paket")

    /// Field data as the printer reads it: the text between each `^FD` and its `^FS`.
    private func fields(_ zpl: String) -> [Substring] {
        zpl.split(separator: "^FD", omittingEmptySubsequences: false).dropFirst().map { $0.prefix { $0 != "^" && $0 != "~" } }
    }

    @Test func labelFrameAndEveryFieldClosed() {
        let zpl = label.zpl()
        let lines = zpl.split(separator: "\n")
        #expect(Array(lines.prefix(5)) == ["^XA", "^CI28", "^PW800", "^LL1200", "^LH0,0"])
        #expect(lines.last == "^XZ")
        #expect(zpl.components(separatedBy: "^XA").count == 2)
        #expect(zpl.components(separatedBy: "^XZ").count == 2)
        let pieces = zpl.split(separator: "^FD", omittingEmptySubsequences: false).dropFirst()
        #expect(pieces.count == 11)
        for piece in pieces {
            // The first command after the field data is its ^FS: the data holds no ^ or ~.
            let rest = piece.drop { $0 != "^" && $0 != "~" }
            #expect(rest.hasPrefix("^FS"), "\(piece)")
        }
        for line in lines where line.hasPrefix("^FO") {
            #expect(line.hasSuffix("^FS"), "\(line)")
        }
    }

    @Test func caretsAndTildesOnlyAsHexEscapes() {
        let zpl = label.zpl()
        #expect(zpl.contains("^FO40,120^A0N,48,48^FH^FDErika _5EMustermann_7E^FS"))
        #expect(zpl.contains("^FDAuftrag A_5F1042 · 2,4 kg · Paket 2/2^FS"))
        #expect(zpl.contains("^FH^FD>:SH><2026_5E1^FS"))
        #expect(ZPL.fieldData("a^b~c_d\ne") == "a_5Eb_7Ec_5Fd_0Ae")
        #expect(ZPL.barcodeData("a>b") == "a><b")
    }

    @Test func barcodesAsSection43Shows() {
        let zpl = label.zpl()
        #expect(zpl.contains("^BCN,200,N,N,N^FH^FD>;>800340123450000000017^FS"))
        #expect(zpl.contains("^FD(00) 340123450000000017^FS"))
        #expect(zpl.contains("^BY3,3,120\n"))
        #expect(zpl.contains("^BY3,3,200\n"))
        #expect(zpl.contains("^BCN,120,Y,N,N^FH^FD>:"))
        // 156 modules of 3 dots, centred on 800 dots.
        #expect(zpl.contains("^FO166,835^BCN,200"))
    }

    @Test func aLongReferenceGetsNarrowerBars() {
        var long = label
        long.shipmentReference = "SENDUNG-2026-12-03-000000123"
        #expect(long.zpl().contains("^BY2,3,120\n"))
        long.sscc = nil
        #expect(!long.zpl().contains(">;>8"))
    }

    @Test func builtByHand() {
        var zpl = ZPL(widthDots: 812, lengthDots: 1218)
        zpl.comment("Kiste ^1~")
        zpl.text("Grüße\nan ~alle", x: 10, y: 20, height: 30, width: 25)
        zpl.box(x: 0, y: 50, width: 812, height: 3, thickness: 3)
        #expect(zpl.string == "^XA\n^CI28\n^PW812\n^LL1218\n^LH0,0\n^FX Kiste  1 \n^FO10,20^A0N,30,25^FH^FDGrüße an _7Ealle^FS\n^FO0,50^GB812,3,3^FS\n^XZ\n")
    }
}
