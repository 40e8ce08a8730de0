-- The tax bureau taxes the transfer price and the buyer (契税 is the buyer's); the housing bureau records the
-- price on the register. Both need them in clear, not masked, to decide a house sale.
UPDATE catalog_demand SET in_clear = TRUE
 WHERE (department_code, purpose_code, element_code) IN (
       ('310104-SWJ', 'HOUSE_SALE_TAX', 'house.transfer_price'),
       ('310104-SWJ', 'HOUSE_SALE_TAX', 'house.buyer_citizen_id'),
       ('310104-FG',  'HOUSE_TRANSFER', 'house.transfer_price'));
