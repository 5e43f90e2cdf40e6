import KontorCore

/// Kontor's own XML format, version 1: its namespace, its XSD and the compiled schema.
///
/// The root element names the document kind (`products`, `stock_count`, ...), its children
/// are the records (`product`, `count`, ...), and each record's children are fields named
/// exactly like the columns of Kontor's CSV format, with text only, in any order. The XSD is
/// also in the repository as `docs/kontor-v1.xsd`.
public enum KontorXMLSchema {
    /// The namespace of every element of the format.
    public static let namespace = "urn:kontor:formats:1"

    /// The compiled schema, to put into `XMLReader.Options`.
    public static let schema: XMLSchema = {
        do {
            return try XMLSchema(xsd: xsd, name: "kontor-v1.xsd", typeDescriptions: typeDescriptions)
        } catch {
            fatalError("the embedded Kontor XSD does not compile: \(error)")
        }
    }()

    /// The reader options for Kontor's own format: the default limits, validating.
    public static var readerOptions: XMLReader.Options { XMLReader.Options(schema: schema) }

    /// How messages word the XSD's simple types.
    static let typeDescriptions = [
        "amount": "amount (digits with a point as decimal separator and at most 2 decimal places, not negative, such as 12.50)",
        "signed_amount": "amount (digits with a point as decimal separator and at most 2 decimal places, such as 12.50 or -3.20)",
        "weight": "weight in kg (digits with a point as decimal separator and at most 3 decimal places, such as 0.25)",
        "date": "date (such as 2025-03-14, or with a time: 2025-03-14T10:22:00)",
        "sscc": "SSCC (18 digits, such as 340123450000000017)",
        "xs:positiveInteger": "whole number of 1 or more",
        "xs:nonNegativeInteger": "whole number of 0 or more",
    ]

    /// The XSD of the format, as in `docs/kontor-v1.xsd`.
    public static let xsd = """
<?xml version="1.0" encoding="UTF-8"?>
<!--
  Kontor's own XML format, version 1.

  The root element names the kind of document; its children are the records; each record's
  children are the fields, named exactly like the columns of Kontor's CSV format, with text
  content only, in any order. Optional fields may be left out.
  Amounts use a point as decimal separator: 12.50, not 12,50.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:k="urn:kontor:formats:1"
           targetNamespace="urn:kontor:formats:1"
           elementFormDefault="qualified">

  <!-- Values -->

  <xs:simpleType name="text">
    <xs:restriction base="xs:token">
      <xs:minLength value="1"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="amount">
    <xs:restriction base="xs:decimal">
      <xs:fractionDigits value="2"/>
      <xs:minInclusive value="0"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="signed_amount">
    <xs:restriction base="xs:decimal">
      <xs:fractionDigits value="2"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="weight">
    <xs:restriction base="xs:decimal">
      <xs:fractionDigits value="3"/>
      <xs:minInclusive value="0"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="vat_rate">
    <xs:restriction base="xs:token">
      <xs:enumeration value="19"/>
      <xs:enumeration value="7"/>
      <xs:enumeration value="0"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="ean">
    <xs:restriction base="xs:token">
      <xs:pattern value="[0-9]{8,14}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="email">
    <xs:restriction base="xs:token">
      <xs:pattern value="[^@ ]+@[^@ ]+"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="country">
    <xs:restriction base="xs:token">
      <xs:pattern value="[A-Za-z]{2}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="currency">
    <xs:restriction base="xs:token">
      <xs:pattern value="[A-Za-z]{3}"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="rate">
    <xs:restriction base="xs:decimal">
      <xs:minExclusive value="0"/>
      <xs:maxInclusive value="1000000"/>
      <xs:fractionDigits value="6"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="date">
    <xs:union memberTypes="xs:date xs:dateTime"/>
  </xs:simpleType>

  <xs:simpleType name="payment_method">
    <xs:restriction base="xs:token">
      <xs:enumeration value="prepaid"/>
      <xs:enumeration value="invoice"/>
      <xs:enumeration value="paypal"/>
      <xs:enumeration value="card"/>
      <xs:enumeration value="cod"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="yes_no">
    <xs:restriction base="xs:token">
      <xs:enumeration value="true"/>
      <xs:enumeration value="false"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="condition">
    <xs:restriction base="xs:token">
      <xs:enumeration value="resellable"/>
      <xs:enumeration value="damaged"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="tracking_status">
    <xs:restriction base="xs:token">
      <xs:enumeration value="shipped"/>
      <xs:enumeration value="delivered"/>
      <xs:enumeration value="returned"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:simpleType name="sscc">
    <xs:restriction base="xs:token">
      <xs:pattern value="[0-9]{18}"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- products: the catalogue -->

  <xs:element name="products">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="product" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="sku" type="k:text"/>
              <xs:element name="name" type="k:text"/>
              <xs:element name="price" type="k:amount"/>
              <xs:element name="vat_rate" type="k:vat_rate"/>
              <xs:element name="weight_kg" type="k:weight" minOccurs="0"/>
              <xs:element name="ean" type="k:ean" minOccurs="0"/>
              <xs:element name="reorder_point" type="xs:nonNegativeInteger" minOccurs="0"/>
              <xs:element name="cost" type="k:amount" minOccurs="0"/>
              <xs:element name="bin" type="k:text" minOccurs="0"/>
              <xs:element name="tariff_number" type="k:text" minOccurs="0"/>
              <xs:element name="origin_country" type="k:country" minOccurs="0"/>
              <xs:element name="warehouse" type="k:text" minOccurs="0"/>
              <xs:element name="lead_time_days" type="xs:nonNegativeInteger" minOccurs="0"/>
              <xs:element name="min_order_quantity" type="xs:positiveInteger" minOccurs="0"/>
              <xs:element name="supplier" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- stock_count: on-hand becomes the counted quantity -->

  <xs:element name="stock_count">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="count" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="sku" type="k:text"/>
              <xs:element name="counted" type="xs:nonNegativeInteger"/>
              <xs:element name="warehouse" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- goods_receipt: on-hand grows by the received quantity -->

  <xs:element name="goods_receipt">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="receipt" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="sku" type="k:text"/>
              <xs:element name="received" type="xs:positiveInteger"/>
              <xs:element name="cost" type="k:amount" minOccurs="0"/>
              <xs:element name="supplier" type="k:text" minOccurs="0"/>
              <xs:element name="reference" type="k:text" minOccurs="0"/>
              <xs:element name="warehouse" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- customers -->

  <xs:element name="customers">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="customer" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="customer_id" type="k:text"/>
              <xs:element name="name" type="k:text"/>
              <xs:element name="email" type="k:email"/>
              <xs:element name="credit_limit" type="k:amount" minOccurs="0"/>
              <xs:element name="payment_terms_days" type="xs:nonNegativeInteger" minOccurs="0"/>
              <xs:element name="vat_id" type="k:text" minOccurs="0"/>
              <xs:element name="country" type="k:country" minOccurs="0"/>
              <xs:element name="street" type="k:text" minOccurs="0"/>
              <xs:element name="zip" type="k:text" minOccurs="0"/>
              <xs:element name="city" type="k:text" minOccurs="0"/>
              <xs:element name="business" type="k:yes_no" minOccurs="0"/>
              <xs:element name="dunning_stop" type="k:yes_no" minOccurs="0"/>
              <xs:element name="blocked" type="k:yes_no" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- orders: one line element per order line; lines of one order share its number -->

  <xs:element name="orders">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="line" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="order_number" type="k:text"/>
              <xs:element name="order_date" type="k:date"/>
              <xs:element name="sku" type="k:text"/>
              <xs:element name="quantity" type="xs:positiveInteger"/>
              <xs:element name="unit_price" type="k:amount"/>
              <xs:element name="customer_id" type="k:text" minOccurs="0"/>
              <xs:element name="customer_email" type="k:email" minOccurs="0"/>
              <xs:element name="customer_name" type="k:text" minOccurs="0"/>
              <xs:element name="ship_name" type="k:text" minOccurs="0"/>
              <xs:element name="ship_addition" type="k:text" minOccurs="0"/>
              <xs:element name="ship_street" type="k:text" minOccurs="0"/>
              <xs:element name="ship_zip" type="k:text" minOccurs="0"/>
              <xs:element name="ship_city" type="k:text" minOccurs="0"/>
              <xs:element name="ship_country" type="k:country" minOccurs="0"/>
              <xs:element name="payment_method" type="k:payment_method" minOccurs="0"/>
              <xs:element name="paid" type="k:yes_no" minOccurs="0"/>
              <xs:element name="shipping" type="k:amount" minOccurs="0"/>
              <xs:element name="order_discount" type="k:amount" minOccurs="0"/>
              <xs:element name="coupon_code" type="k:text" minOccurs="0"/>
              <xs:element name="currency" type="k:currency" minOccurs="0"/>
              <xs:element name="invoice_number" type="k:text" minOccurs="0"/>
              <xs:element name="line_discount" type="k:amount" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- payments: money received, negative for money paid back -->

  <xs:element name="payments">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="payment" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="reference" type="k:text"/>
              <xs:element name="amount" type="k:signed_amount"/>
              <xs:element name="date" type="k:date"/>
              <xs:element name="payer" type="k:text" minOccurs="0"/>
              <xs:element name="method" type="k:text" minOccurs="0"/>
              <xs:element name="currency" type="k:currency" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- returns: articles sent back by customers (sku and quantity), or an amount refunded
       without goods (a goodwill refund: amount, no sku) -->

  <xs:element name="returns">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="return" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="order_number" type="k:text"/>
              <xs:element name="sku" type="k:text" minOccurs="0"/>
              <xs:element name="quantity" type="xs:positiveInteger" minOccurs="0"/>
              <xs:element name="amount" type="k:amount" minOccurs="0"/>
              <xs:element name="vat_rate" type="k:vat_rate" minOccurs="0"/>
              <xs:element name="reason" type="k:text" minOccurs="0"/>
              <xs:element name="condition" type="k:condition" minOccurs="0"/>
              <xs:element name="date" type="k:date" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- cancellations: orders the shop cancelled before they shipped -->

  <xs:element name="cancellations">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="cancellation" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="order_number" type="k:text"/>
              <xs:element name="reason" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- payouts: a payment provider's payout, one line per order it covers, the payout's
       fields repeated on each -->

  <xs:element name="payouts">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="line" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="payout_id" type="k:text"/>
              <xs:element name="date" type="k:date"/>
              <xs:element name="method" type="k:text" minOccurs="0"/>
              <xs:element name="gross" type="k:signed_amount"/>
              <xs:element name="fees" type="k:amount"/>
              <xs:element name="net" type="k:signed_amount"/>
              <xs:element name="order_number" type="k:text"/>
              <xs:element name="amount" type="k:signed_amount"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- tracking: what carriers report of the shipments; each event names its shipment or
       its parcel's SSCC, or both -->

  <xs:element name="tracking">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="event" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="shipment" type="k:text" minOccurs="0"/>
              <xs:element name="sscc" type="k:sscc" minOccurs="0"/>
              <xs:element name="tracking_number" type="k:text" minOccurs="0"/>
              <xs:element name="carrier" type="k:text" minOccurs="0"/>
              <xs:element name="status" type="k:tracking_status"/>
              <xs:element name="date" type="k:date"/>
              <xs:element name="reason" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- exchange_rates: euro reference rates, units of a currency per euro on a day (the
       ECB's files are read as they are published) -->

  <xs:element name="exchange_rates">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="exchange_rate" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="currency" type="k:currency"/>
              <xs:element name="date" type="k:date"/>
              <xs:element name="rate" type="k:rate"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>

  <!-- transfers: goods moved from one warehouse of the shop to another -->

  <xs:element name="transfers">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="transfer" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:all>
              <xs:element name="sku" type="k:text"/>
              <xs:element name="quantity" type="xs:positiveInteger"/>
              <xs:element name="from_warehouse" type="k:text"/>
              <xs:element name="to_warehouse" type="k:text"/>
              <xs:element name="reference" type="k:text" minOccurs="0"/>
            </xs:all>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""
}
