package org.yiwang.services.internal.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The admin's bundle form; blank item rows are dropped (see {@link ItemForm} for why indices still match). */
public class BundleForm {

    private String code;
    private String nameZh;
    private String nameEn;
    private String description;
    private String keywords;
    private List<String> items = new ArrayList<>();

    static BundleForm of(BundleDefinition d) {
        BundleForm f = new BundleForm();
        f.code = d.code();
        f.nameZh = d.nameZh();
        f.nameEn = d.nameEn();
        f.description = d.description();
        f.keywords = d.keywords() == null ? "" : String.join(" ", d.keywords());
        f.items = d.items() == null ? new ArrayList<>() : new ArrayList<>(d.items());
        return f;
    }

    BundleDefinition toDefinition() {
        List<String> keywordList = keywords == null ? List.of()
                : Arrays.stream(keywords.split("[\\s,,、;;]+")).filter(k -> !k.isBlank()).toList();
        return new BundleDefinition(code, nameZh, nameEn, description,
                items.stream().filter(i -> i != null && !i.isBlank()).toList(), keywordList);
    }

    BundleForm withBlankRows() {
        for (int i = 0; i < 2; i++) items.add("");
        return this;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getKeywords() { return keywords; }
    public void setKeywords(String keywords) { this.keywords = keywords; }
    public List<String> getItems() { return items; }
    public void setItems(List<String> items) { this.items = items == null ? new ArrayList<>() : items; }
}
